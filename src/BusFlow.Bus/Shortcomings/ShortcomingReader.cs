using System.Text.Json.Nodes;
using BusFlow.Bus.Journal;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Shortcomings;

/// <summary>
/// An agreement's reported shortcomings, read from their workflows: the report is the instance's
/// input, the assessment and the remedy are its tasks' answers, and a finished instance is closed.
/// </summary>
public static class ShortcomingReader
{
    public const string AssessTask = "assess";
    public const string RemedyTask = "remedy";
    public const string AcceptOutcome = "accept";

    /// <summary>The agreement's shortcomings reported at or after <paramref name="since"/> (all when none), oldest first.</summary>
    public static async Task<IReadOnlyList<Shortcoming>> ListAsync(IWorkflowSession session, string agreementId, Instant? since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var instances = (await session.ListInstancesAsync(
                new InstanceQuery(DefinitionId: ShortcomingRegistry.Workflow, Mentions: [agreementId], Take: int.MaxValue), ct))
            .Where(i => AgreementInstances.NamesAgreement(i, agreementId) && (since is null || i.CreatedAt >= since))
            .OrderBy(i => i.CreatedAt)
            .ToList();
        if (instances.Count == 0)
        {
            return [];
        }

        var tasks = (await session.ListTasksAsync(new TaskQuery(InstanceIds: [.. instances.Select(i => i.Id)], Take: int.MaxValue), ct))
            .Where(t => t.Status == HumanTaskStatus.Completed)
            .ToLookup(t => t.InstanceId);
        return [.. instances.Select(i => Of(i, tasks[i.Id].ToList()))];
    }

    private static Shortcoming Of(WorkflowInstance instance, List<HumanTask> answered)
    {
        var input = JsonNode.Parse(instance.InputJson) as JsonObject ?? [];
        var assessed = answered.FirstOrDefault(t => t.ActivityId == AssessTask);
        var remedied = answered.FirstOrDefault(t => t.ActivityId == RemedyTask);
        var state = instance.Status == InstanceStatus.Completed ? ShortcomingState.Closed
            : remedied is not null ? ShortcomingState.Remedied
            : assessed is not null ? ShortcomingState.Assessed
            : ShortcomingState.Reported;
        return new Shortcoming(
            instance.Id,
            Text(input, "agreement") ?? "",
            instance.CreatedAt,
            input["occurredOn"] is { } day ? Values.ToDate(day) : instance.CreatedAt.InUtc().Date,
            Text(input, "whatHappened") ?? "",
            Text(input, "concerns"),
            Enum.TryParse<ShortcomingSeverity>(Text(input, "severity"), out var severity) ? severity : ShortcomingSeverity.Minor,
            state,
            assessed is null ? null : assessed.Outcome == AcceptOutcome,
            assessed?.Comment,
            remedied?.Comment);
    }

    private static string? Text(JsonObject input, string name) => input[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
