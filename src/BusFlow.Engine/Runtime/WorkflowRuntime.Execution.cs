using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using Microsoft.Extensions.Logging;

namespace BusFlow.Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    private async Task<Execution> StartInstanceAsync(RuntimeSession session, WorkflowDefinition definition, JsonObject input, string? correlationKey, Bookmarkless? parent, CancellationToken ct)
    {
        var checkedInput = CheckInput(definition, input);
        var state = new ExecutionState();
        foreach (var variable in definition.Variables)
        {
            state.Variables[variable.Name] = variable.Default?.DeepClone();
        }

        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7(),
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationKey = correlationKey,
            Status = InstanceStatus.Running,
            InputJson = checkedInput.ToJsonString(),
            StateJson = "{}",
            CreatedAt = session.Now,
            UpdatedAt = session.Now,
            ParentInstanceId = parent?.InstanceId,
        };
        session.Store.Add(instance);
        var execution = new Execution(instance, definition, state, checkedInput);
        session.Executions[instance.Id] = execution;
        session.Journal(execution, null, new InstanceStartedPayload(definition.Id, definition.Version, correlationKey, parent?.InstanceId));
        ScheduleFrame(session, execution, definition.Root, parentFrame: null, locals: null);
        await RunAsync(session, execution, ct);
        return execution;
    }

    private sealed record Bookmarkless(Guid InstanceId);

    private static JsonObject CheckInput(WorkflowDefinition definition, JsonObject input)
    {
        var (values, problems) = DeclaredValues.Check(
            definition.Inputs, input, name => Says.That(nameof(DefinitionTexts.InputRequired), name), name => Says.That(nameof(DefinitionTexts.NoSuchInput), definition.Id, name));
        var errors = problems.Select(p => new DefinitionError("input", $"$.{p.Name}", p.Message)).ToList();
        return errors.Count == 0
            ? values
            : throw new WorkflowRequestException(RequestErrorKind.Invalid, $"The input does not fit '{definition.Id}': {string.Join("; ", errors.Select(e => $"{e.JsonPath}: {e.Message}"))}", errors);
    }

    private static Frame ScheduleFrame(RuntimeSession session, Execution execution, ActivityNode node, Frame? parentFrame, JsonObject? locals)
    {
        var frame = new Frame { Id = execution.State.NextFrameId++, ActivityId = node.Id, ParentId = parentFrame?.Id, Locals = locals };
        execution.State.Frames.Add(frame);
        execution.State.Agenda.Add(new WorkItem { FrameId = frame.Id, Kind = WorkKind.Execute });
        return frame;
    }

    /// <summary>Runs the agenda until it is empty or the instance faults, then records where the instance rests.</summary>
    private async Task RunAsync(RuntimeSession session, Execution execution, CancellationToken ct)
    {
        var instance = execution.Instance;
        instance.Status = InstanceStatus.Running;
        while (execution.State.Agenda.Count > 0 && instance.Status == InstanceStatus.Running)
        {
            var item = execution.State.Agenda[0];
            var frame = execution.State.FindFrame(item.FrameId);
            if (frame is null)
            {
                // The frame was cancelled after this work was queued (a Parallel that stopped waiting).
                execution.State.Agenda.RemoveAt(0);
                continue;
            }

            var node = execution.Definition.GetActivity(frame.ActivityId);
            var activity = registry.Get(node.Type);
            var context = new ActivityContext(execution, frame, node, session.Now, options.TimeZone, calendar, session.Store, session.Actor);
            var dataBefore = (System.Text.Json.Nodes.JsonObject)frame.Data.DeepClone();
            try
            {
                switch (item.Kind)
                {
                    case WorkKind.Execute:
                        session.Journal(execution, JournalKind.ActivityStarted, node.Id);
                        await activity.ExecuteAsync(context);
                        break;
                    case WorkKind.ChildCompleted:
                        await activity.OnChildCompletedAsync(context, new Activities.CompletedChild(item.ChildFrameId ?? 0, item.ChildActivityId ?? "", item.Payload?.DeepClone()));
                        break;
                    case WorkKind.Resume:
                        await activity.OnResumedAsync(context, item.Payload?.DeepClone());
                        break;
                }

                await CheckChildWorkflowsAsync(session, context.Effects, ct);
            }
            catch (Exception error) when (error is not OperationCanceledException and not ConcurrencyConflictException)
            {
                // The failing step is retried as it was: its work item stays first, its state as before.
                frame.Data = dataBefore;
                Fault(session, execution, node, error);
                return;
            }

            execution.State.Agenda.RemoveAt(0);
            await ApplyEffectsAsync(session, execution, frame, context.Effects, ct);
        }

        if (instance.Status == InstanceStatus.Running)
        {
            instance.Status = execution.State.Frames.Count == 0 ? InstanceStatus.Completed : InstanceStatus.Waiting;
        }
    }

    /// <summary>A child workflow that cannot start faults the parent's step, before any of its effects apply.</summary>
    private async Task CheckChildWorkflowsAsync(RuntimeSession session, IReadOnlyList<Effect> effects, CancellationToken ct)
    {
        foreach (var start in effects.OfType<StartChildEffect>())
        {
            var definition = await catalog.GetAsync(session.Store, start.Request.DefinitionId, null, ct)
                ?? throw new WorkflowFailedException($"the child workflow '{start.Request.DefinitionId}' is not published");
            try
            {
                CheckInput(definition, start.Request.Input);
            }
            catch (WorkflowRequestException invalid)
            {
                throw new WorkflowFailedException(invalid.Message);
            }
        }
    }

    private void Fault(RuntimeSession session, Execution execution, ActivityNode node, Exception error)
    {
        var expected = error is WorkflowFailedException or ExpressionException or WorkflowRequestException;
        if (!expected)
        {
            logger.LogWarning(error, "Activity {ActivityId} of instance {InstanceId} threw.", node.Id, execution.Instance.Id);
        }

        execution.Instance.Status = InstanceStatus.Faulted;
        execution.Instance.FaultActivityId = node.Id;
        execution.Instance.FaultMessage = expected ? error.Message : $"{error.GetType().Name}: {error.Message}";
        session.Journal(execution, node.Id, new FaultedPayload(execution.Instance.FaultMessage));
    }

    private async Task ApplyEffectsAsync(RuntimeSession session, Execution execution, Frame frame, IReadOnlyList<Effect> effects, CancellationToken ct)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case ScheduleChildEffect schedule:
                    ScheduleFrame(session, execution, schedule.Child, frame, schedule.Locals);
                    break;
                case SetVariableEffect set:
                    var owner = execution.FindVariableOwner(frame, set.Name) ?? execution.State.Variables;
                    owner[set.Name] = set.Value?.DeepClone();
                    session.Journal(execution, frame.ActivityId, new VariableSetPayload(set.Name, set.Value));
                    break;
                case CreateTimerEffect timer:
                    CreateTimer(session, execution, frame, timer.DueAt);
                    break;
                case CreateTaskEffect task:
                    await CreateTaskAsync(session, execution, frame, task.Request, ct);
                    break;
                case WaitForSignalEffect signal:
                    var signalBookmark = CreateBookmark(session, execution, frame, BookmarkKind.Signal);
                    frame.Waits.Add(new FrameWait(signalBookmark, BookmarkKind.Signal, Signal: signal.Signal));
                    break;
                case StartChildEffect child:
                    await StartChildAsync(session, execution, frame, child.Request, ct);
                    break;
                case JournalDocumentEffect document:
                    session.Journal(execution, frame.ActivityId, document.Document);
                    break;
                case WriteEffect write:
                    await write.Write(session.Store, ct);
                    break;
                case CancelChildrenEffect:
                    foreach (var child in execution.State.Frames.Where(f => f.ParentId == frame.Id).ToList())
                    {
                        await CancelFrameAsync(session, execution, child, ct);
                    }

                    break;
                case CompleteEffect complete:
                    await CompleteFrameAsync(session, execution, frame, complete.Output, ct);
                    return;
            }
        }
    }

    /// <summary>
    /// A task's and a timer's own rows (TaskCreated and TaskCompleted, TimerScheduled and TimerFired,
    /// in the same transactions) already say that the step waits and what woke it; a bookmark row
    /// beside them would only repeat it with an internal id (ADR 0011).
    /// </summary>
    private static bool JournalsItsBookmark(BookmarkKind kind) => kind is not (BookmarkKind.Task or BookmarkKind.Timer);

    private Guid CreateBookmark(RuntimeSession session, Execution execution, Frame frame, BookmarkKind kind)
    {
        var bookmark = new Bookmark
        {
            Id = Guid.CreateVersion7(),
            InstanceId = execution.Instance.Id,
            FrameId = frame.Id,
            ActivityId = frame.ActivityId,
            Kind = kind,
            CreatedAt = session.Now,
        };
        session.Store.Add(bookmark);
        if (JournalsItsBookmark(kind))
        {
            session.Journal(execution, frame.ActivityId, new BookmarkCreatedPayload(bookmark.Id, kind));
        }

        return bookmark.Id;
    }

    private void CreateTimer(RuntimeSession session, Execution execution, Frame frame, NodaTime.Instant dueAt)
    {
        var bookmarkId = CreateBookmark(session, execution, frame, BookmarkKind.Timer);
        var timer = new DurableTimer
        {
            Id = Guid.CreateVersion7(),
            InstanceId = execution.Instance.Id,
            BookmarkId = bookmarkId,
            ActivityId = frame.ActivityId,
            DueAt = dueAt,
            Status = TimerStatus.Pending,
            CreatedAt = session.Now,
        };
        session.Store.Add(timer);
        session.NewTimers.Add(timer);
        frame.Waits.Add(new FrameWait(bookmarkId, BookmarkKind.Timer, TimerId: timer.Id));
        session.Journal(execution, frame.ActivityId, TimerScheduledPayload.ForTimer(timer.Id, dueAt));
    }

    private async Task CreateTaskAsync(RuntimeSession session, Execution execution, Frame frame, HumanTaskRequest request, CancellationToken ct)
    {
        var bookmarkId = CreateBookmark(session, execution, frame, BookmarkKind.Task);
        var task = new HumanTask
        {
            Id = Guid.CreateVersion7(),
            InstanceId = execution.Instance.Id,
            BookmarkId = bookmarkId,
            ActivityId = frame.ActivityId,
            Assignee = request.Assignee,
            Title = request.Title,
            Description = request.Description,
            Outcomes = [.. request.Outcomes],
            DueDate = request.DueDate,
            DataJson = request.Data?.ToJsonString(),
            Role = request.Role,
            ReminderPolicyJson = request.Reminders?.ToJsonString(),
            AnswerSpecJson = request.AnswerSpec?.ToJsonString(),
            Status = HumanTaskStatus.Open,
            CreatedAt = session.Now,
        };
        session.Store.Add(task);
        frame.Waits.Add(new FrameWait(bookmarkId, BookmarkKind.Task, TaskId: task.Id));
        session.Journal(execution, frame.ActivityId, new TaskCreatedPayload(task.Id, task.Assignee, task.Title, task.DueDate, task.Outcomes));
        ScheduleReminders(session, execution, task);
        foreach (var observer in taskObservers)
        {
            await observer.OnTaskCreatedAsync(task, session.Store, ct);
        }
    }

    private async Task StartChildAsync(RuntimeSession session, Execution execution, Frame frame, ChildWorkflowRequest request, CancellationToken ct)
    {
        var definition = await catalog.GetAsync(session.Store, request.DefinitionId, null, ct)
            ?? throw new WorkflowFailedException($"the child workflow '{request.DefinitionId}' is not published");
        var child = request.CorrelationKey is { } key && await session.Store.FindInstanceByCorrelationKeyAsync(definition.Id, key, ct) is { } existing
            ? await LoadAsync(session, existing.Id, ct)
            : null;
        child ??= await StartInstanceAsync(session, definition, request.Input, request.CorrelationKey, new Bookmarkless(execution.Instance.Id), ct);
        session.Journal(execution, frame.ActivityId, new ChildStartedPayload(child.Instance.Id, request.DefinitionId, request.Wait));
        var childResult = ChildResult(child.Instance);
        if (!request.Wait || child.Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
        {
            execution.State.Agenda.Add(new WorkItem { FrameId = frame.Id, Kind = WorkKind.Resume, Payload = childResult });
            return;
        }

        var bookmarkId = CreateBookmark(session, execution, frame, BookmarkKind.ChildWorkflow);
        child.Instance.ParentBookmarkId = bookmarkId;
        frame.Waits.Add(new FrameWait(bookmarkId, BookmarkKind.ChildWorkflow, ChildInstanceId: child.Instance.Id));
    }

    private static JsonObject ChildResult(WorkflowInstance child) => new()
    {
        ["instanceId"] = child.Id.ToString(),
        ["status"] = child.Status.ToString(),
        ["output"] = child.OutputJson is null ? null : JsonNode.Parse(child.OutputJson),
    };

    private async Task<bool> ResumeBookmarkAsync(RuntimeSession session, Guid bookmarkId, JsonNode? payload, CancellationToken ct)
    {
        var bookmark = await session.Store.FindBookmarkAsync(bookmarkId, ct);
        if (bookmark is null)
        {
            return false;
        }

        var execution = await LoadAsync(session, bookmark.InstanceId, ct);
        if (execution.Instance.Status is not (InstanceStatus.Waiting or InstanceStatus.Running))
        {
            return false;
        }

        session.Store.Remove(bookmark);
        var frame = execution.State.FindFrame(bookmark.FrameId);
        frame?.Waits.RemoveAll(w => w.BookmarkId == bookmarkId);
        if (JournalsItsBookmark(bookmark.Kind))
        {
            session.Journal(execution, bookmark.ActivityId, new BookmarkResumedPayload(bookmarkId, bookmark.Kind));
        }

        if (frame is null)
        {
            return true;
        }

        execution.State.Agenda.Add(new WorkItem { FrameId = frame.Id, Kind = WorkKind.Resume, Payload = payload?.DeepClone() });
        if (execution.Instance.Status == InstanceStatus.Waiting)
        {
            await RunAsync(session, execution, ct);
        }

        return true;
    }

    private async Task CompleteFrameAsync(RuntimeSession session, Execution execution, Frame frame, JsonNode? output, CancellationToken ct)
    {
        foreach (var child in execution.State.Frames.Where(f => f.ParentId == frame.Id).ToList())
        {
            await CancelFrameAsync(session, execution, child, ct);
        }

        await ReleaseWaitsAsync(session, execution, frame, ct);
        execution.State.Frames.Remove(frame);
        if (output is not null)
        {
            execution.State.Outputs[frame.ActivityId] = output.DeepClone();
            if (execution.EnclosingRound(frame) is { } round)
            {
                round.RoundOutputs ??= [];
                round.RoundOutputs[frame.ActivityId] = output.DeepClone();
            }
        }

        if (output is null)
        {
            session.Journal(execution, JournalKind.ActivityCompleted, frame.ActivityId);
        }
        else
        {
            session.Journal(execution, frame.ActivityId, new ActivityCompletedPayload(output));
        }

        if (frame.ParentId is { } parentId)
        {
            execution.State.Agenda.Add(new WorkItem { FrameId = parentId, Kind = WorkKind.ChildCompleted, ChildFrameId = frame.Id, ChildActivityId = frame.ActivityId, Payload = output?.DeepClone() });
            return;
        }

        await FinishInstanceAsync(session, execution, InstanceStatus.Completed, ct);
    }

    private async Task FinishInstanceAsync(RuntimeSession session, Execution execution, InstanceStatus status, CancellationToken ct)
    {
        var instance = execution.Instance;
        instance.Status = status;
        instance.FinishedAt = session.Now;
        instance.OutputJson = execution.State.Variables.ToJsonString();
        execution.State.Agenda.Clear();
        session.Journal(execution, status == InstanceStatus.Completed ? JournalKind.InstanceCompleted : JournalKind.Cancelled, null);
        if (instance.ParentBookmarkId is { } parentBookmark)
        {
            await ResumeBookmarkAsync(session, parentBookmark, ChildResult(instance), ct);
        }
    }

    private async Task CancelInstanceAsync(RuntimeSession session, Execution execution, string? reason, CancellationToken ct)
    {
        foreach (var root in execution.State.Frames.Where(f => f.ParentId is null).ToList())
        {
            await CancelFrameAsync(session, execution, root, ct);
        }

        execution.Instance.FaultMessage = null;
        execution.Instance.FaultActivityId = null;
        execution.State.Frames.Clear();
        session.Journal(execution, null, new CancelledPayload(reason));
        execution.Instance.Status = InstanceStatus.Cancelled;
        execution.Instance.FinishedAt = session.Now;
        execution.State.Agenda.Clear();
        if (execution.Instance.ParentBookmarkId is { } parentBookmark)
        {
            // The parent is told why and by whom, so that it can carry on without the child and say so.
            var result = ChildResult(execution.Instance);
            result["reason"] = reason;
            result["cancelledBy"] = session.Actor;
            await ResumeBookmarkAsync(session, parentBookmark, result, ct);
        }
    }

    /// <summary>Stops a frame and everything below it: its bookmarks go, its timers and tasks are cancelled.</summary>
    private async Task CancelFrameAsync(RuntimeSession session, Execution execution, Frame frame, CancellationToken ct)
    {
        foreach (var child in execution.State.Frames.Where(f => f.ParentId == frame.Id).ToList())
        {
            await CancelFrameAsync(session, execution, child, ct);
        }

        await ReleaseWaitsAsync(session, execution, frame, ct);
        execution.State.Frames.Remove(frame);
        execution.State.Agenda.RemoveAll(w => w.FrameId == frame.Id);
    }

    private async Task ReleaseWaitsAsync(RuntimeSession session, Execution execution, Frame frame, CancellationToken ct)
    {
        foreach (var wait in frame.Waits.ToList())
        {
            if (await session.Store.FindBookmarkAsync(wait.BookmarkId, ct) is { } bookmark)
            {
                session.Store.Remove(bookmark);
            }

            if (wait.TimerId is { } timerId && await session.Store.FindTimerAsync(timerId, ct) is { Status: TimerStatus.Pending } timer)
            {
                timer.Status = TimerStatus.Cancelled;
                session.Journal(execution, frame.ActivityId, new TimerCancelledPayload(timerId));
            }

            if (wait.TaskId is { } taskId && await session.Store.FindTaskAsync(taskId, ct) is { Status: HumanTaskStatus.Open } task)
            {
                task.Status = HumanTaskStatus.Cancelled;
                task.ClosedAt = session.Now;
                await CancelRemindersAsync(session, task, ct);
                session.Journal(execution, frame.ActivityId, new TaskCancelledPayload(taskId));
            }

            if (wait.ChildInstanceId is { } childId)
            {
                var child = await LoadAsync(session, childId, ct);
                child.Instance.ParentBookmarkId = null;
                if (child.Instance.Status is not (InstanceStatus.Completed or InstanceStatus.Cancelled))
                {
                    await CancelInstanceAsync(session, child, $"its parent activity {frame.ActivityId} was cancelled", ct);
                }
            }
        }

        frame.Waits.Clear();
    }
}
