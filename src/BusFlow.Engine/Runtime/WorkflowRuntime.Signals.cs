using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Sends a named signal to an instance: the WaitForSignal that waits for it — in the instance or
    /// in a child workflow it waits on — is resumed inline, in this one transaction. Refused, with
    /// nothing changed, when no activity waits for the signal or its data does not fit the declaration.
    /// </summary>
    public Task<SignalDelivery> SignalAsync(Guid instanceId, string signal, JsonObject? data, string actor, CancellationToken ct = default) =>
        InTransactionAsync(actor, async session =>
        {
            var root = await LoadAsync(session, instanceId, ct);
            if (root.Instance.Status is not (InstanceStatus.Waiting or InstanceStatus.Running))
            {
                throw new WorkflowRequestException(RequestErrorKind.Conflict, $"The instance is {root.Instance.Status.ToString().ToLowerInvariant()}; it waits for no signal.");
            }

            var (execution, frame, wait) = await FindSignalWaitAsync(session, root, signal, ct)
                ?? throw new WorkflowRequestException(RequestErrorKind.Conflict, $"Nothing in this instance waits for the signal '{signal}' now.");
            var (facts, problems) = SignalPayload.From(execution.Definition.GetActivity(frame.ActivityId).Literal<JsonArray>("payload")).Check(data);
            if (problems.Count > 0)
            {
                throw new WorkflowRequestException(
                    RequestErrorKind.Invalid,
                    $"The signal '{signal}' does not carry what {frame.ActivityId} expects: {string.Join("; ", problems.Select(p => $"{p.Name}: {p.Message}"))}",
                    problems.Select(p => new DefinitionError("signal", $"$.{p.Name}", p.Message)).ToList()); // paths within the signal's data
            }

            session.Journal(execution, frame.ActivityId, new SignalReceivedPayload(signal, facts, actor));
            var payload = new JsonObject
            {
                ["signal"] = signal,
                ["data"] = facts,
                ["sentBy"] = actor,
                ["receivedAt"] = Expressions.Values.FromInstant(session.Now),
            };
            await ResumeBookmarkAsync(session, wait.BookmarkId, payload, ct);
            return new SignalDelivery(execution.Instance.Id, frame.ActivityId, execution.Instance.Status);
        }, ct);

    /// <summary>The oldest wait for the signal in the instance, else in the children it waits on, depth first.</summary>
    private async Task<(Execution Execution, Frame Frame, FrameWait Wait)?> FindSignalWaitAsync(RuntimeSession session, Execution execution, string signal, CancellationToken ct)
    {
        foreach (var frame in execution.State.Frames)
        {
            if (frame.Waits.Find(w => w.Kind == BookmarkKind.Signal && w.Signal == signal) is { } wait)
            {
                return (execution, frame, wait);
            }
        }

        foreach (var childId in execution.State.Frames.SelectMany(f => f.Waits).Select(w => w.ChildInstanceId).OfType<Guid>())
        {
            var child = await LoadAsync(session, childId, ct);
            if (child.Instance.Status is (InstanceStatus.Waiting or InstanceStatus.Running)
                && await FindSignalWaitAsync(session, child, signal, ct) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}

/// <summary>Where a signal went: the instance (the one signalled or a child of it) and the activity it resumed.</summary>
public sealed record SignalDelivery(Guid InstanceId, string ActivityId, InstanceStatus InstanceStatus);
