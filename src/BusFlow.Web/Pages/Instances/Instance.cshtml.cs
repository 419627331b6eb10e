using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Accounts.Audit;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Notifications.Outbox;
using BusFlow.Web.Accounts;
using BusFlow.Web.Diagrams;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace BusFlow.Web.Pages.Instances;

/// <summary>
/// One workflow instance: its definition, state, input, family, journal as a timeline in local time,
/// open tasks, timers and mail (who, what subject, when; never a body or a link), and the definition's diagram
/// with the steps the instance has passed and the ones it is in now. An administrator
/// retries a faulted instance or cancels one still going, as POST /api/instances/{id}/retry|cancel do.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Overseer)]
public sealed class InstanceModel(
    IWorkflowStore store, WorkflowRuntime runtime, AuditTrail audit, LateTimerWatch lateTimers, EngineOptions engine, IClock clock, SignInSettings settings,
    DefinitionCatalog catalog, ActivityRegistry registry) : PageModel
{
    private const int MaxReasonLength = 500;

    public WorkflowInstance Instance { get; private set; } = null!;

    public string DefinitionName { get; private set; } = "";

    public IReadOnlyList<InputLine> Input { get; private set; } = [];

    public WorkflowInstance? Parent { get; private set; }

    public IReadOnlyList<WorkflowInstance> Children { get; private set; } = [];

    public IReadOnlyList<TimelineLine> Timeline { get; private set; } = [];

    public IReadOnlyList<HumanTask> OpenTasks { get; private set; } = [];

    public IReadOnlyList<TimerLine> Timers { get; private set; } = [];

    public IReadOnlyList<OutboxMessage> Mail { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The definition's diagram with the instance's progress, as SVG for the page to place inline; empty when its version is not published here.</summary>
    public string DiagramSvg { get; private set; } = "";

    public DiagramProgress Progress { get; private set; } = DiagramProgress.None;

    /// <summary>Who may open the version's page: an administrator.</summary>
    public bool MaySeeVersion => BusFlowPolicies.ActsAsAdministrator(User, settings);

    public string? Notice { get; private set; }

    public string? LateAlarm { get; private set; }

    /// <summary>Who may retry and cancel: an administrator whose session may write, as the API's AdministratorWriter.</summary>
    public bool MayChange => BusFlowPolicies.ActsAsAdministrator(User, settings) && BusFlowPolicies.MayWrite(User);

    public bool MayRetry => MayChange && Instance.Status == InstanceStatus.Faulted;

    public bool MayCancel => MayChange && Instance.Status is InstanceStatus.Running or InstanceStatus.Waiting or InstanceStatus.Faulted;

    public string Local(Instant at) => InstanceText.At(at, engine.TimeZone);

    public static string State(InstanceStatus status) => InstanceText.State(status);

    public static string MailState(OutboxStatus status) => InstanceText.MailState(status);

    public static string Date(LocalDate date) => InstanceText.Date(date);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        if (!MayChange)
        {
            return Forbid();
        }

        return await ChangeAsync(id, Strings.Instance_RetryRefused, async ct =>
        {
            var instance = await runtime.RetryAsync(id, AuditTrail.ActorOf(User), ct);
            await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"instance:{id}", detail: $"retried from the page; now {instance.Status.ToString().ToLowerInvariant()}");
            return InstanceText.Format(Strings.Instance_Retried, State(instance.Status));
        });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason)
    {
        if (!MayChange)
        {
            return Forbid();
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is { Length: > MaxReasonLength })
        {
            return await LoadAsync(id)
                ? Refused(StatusCodes.Status422UnprocessableEntity, InstanceText.Format(Strings.Instance_ReasonTooLong, Strings.Instance_Reason, MaxReasonLength))
                : NotFound();
        }

        return await ChangeAsync(id, Strings.Instance_CancelRefused, async ct =>
        {
            await runtime.CancelAsync(id, AuditTrail.ActorOf(User), why, ct);
            await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"instance:{id}", detail: "cancelled from the page" + (why is null ? "" : $": {why}"));
            return Strings.Instance_Cancelled;
        });
    }

    /// <summary>Runs a change; the runtime's refusal (the instance is in a state that does not allow it) is shown on the page, nothing changed.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, string refusedFormat, Func<CancellationToken, Task<string>> change)
    {
        string notice;
        try
        {
            notice = await change(HttpContext.RequestAborted);
        }
        catch (WorkflowRequestException refused) when (refused.Kind == RequestErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (WorkflowRequestException refused) when (refused.Kind == RequestErrorKind.Conflict)
        {
            return await LoadAsync(id) ? Refused(StatusCodes.Status409Conflict, InstanceText.Format(refusedFormat, State(Instance.Status))) : NotFound();
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Notice = notice;
        return Page();
    }

    private PageResult Refused(int status, string error)
    {
        Errors = [error];
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        // The alarm reads in a session of its own: before this one, which on SQLite holds the write lock.
        LateAlarm = InstanceText.LateAlarm(await lateTimers.CheckAsync(ct), engine.TimeZone);
        await using var session = await store.BeginAsync(ct);
        if (await session.FindInstanceAsync(id, ct) is not { } instance)
        {
            return false;
        }

        Instance = instance;
        var published = await session.FindDefinitionAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
        DefinitionName = published?.Name ?? instance.DefinitionId;
        Input = InputOf(instance.InputJson);
        Parent = instance.ParentInstanceId is { } parentId ? await session.FindInstanceAsync(parentId, ct) : null;
        Children = await session.ListInstancesAsync(new InstanceQuery(ParentInstanceId: id, Take: 500), ct);
        var journal = await session.ListJournalAsync(id, ct);
        Timeline = [.. journal.Select(entry => new TimelineLine(
            Local(entry.At), entry.Actor, JournalText.Of(entry, Local), entry.ActivityId, JournalText.LinkedInstance(entry)))];
        if (published is not null)
        {
            Progress = DiagramProgress.FromJournal(journal, instance.Status is InstanceStatus.Running or InstanceStatus.Waiting or InstanceStatus.Faulted);
            DiagramSvg = WorkflowDiagramSvg.Draw(catalog.Parse(published), registry, Progress);
        }

        var tasks = await session.ListTasksAsync(new TaskQuery(InstanceId: id, Take: 500), ct);
        OpenTasks = [.. tasks.Where(t => t.Status == HumanTaskStatus.Open)];
        var lateBefore = clock.GetCurrentInstant() - Duration.FromTimeSpan(lateTimers.After);
        Timers = [.. (await session.ListTimersAsync(id, ct)).Select(timer => new TimerLine(
            Local(timer.DueAt),
            InstanceText.Timer(timer, tasks.FirstOrDefault(t => t.Id == timer.TaskId)),
            timer is { Status: TimerStatus.Fired, FiredAt: { } fired } ? InstanceText.Format(Strings.Timer_FiredAt, Local(fired)) : InstanceText.TimerState(timer.Status),
            timer.Status == TimerStatus.Pending && timer.DueAt <= lateBefore,
            null,
            null))];
        Mail = await session.Facet<IOutbox>().ListAsync(new OutboxQuery(InstanceId: id, Take: 200), ct);
        return true;
    }

    /// <summary>The input's values by name; a value that is not plain text is shown as its JSON.</summary>
    private static List<InputLine> InputOf(string inputJson)
    {
        try
        {
            return JsonNode.Parse(inputJson) is JsonObject input
                ? [.. input.Select(p => new InputLine(p.Key, p.Value is JsonValue value && value.TryGetValue<string>(out var text) ? text : p.Value?.ToJsonString() ?? "null"))]
                : [new InputLine("", inputJson)];
        }
        catch (JsonException)
        {
            return [new InputLine("", inputJson)];
        }
    }
}
