using System.Text.Json.Nodes;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Diagnostics;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Time;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// Starts, resumes, cancels and retries instances. Each public operation is one transaction that
/// runs the instance inline until it completes or waits again; a lost race for the same instance is
/// retried from a fresh read, so a bookmark is consumed and a timer fired exactly once.
/// </summary>
public sealed partial class WorkflowRuntime(
    IWorkflowStore store,
    ActivityRegistry registry,
    DefinitionCatalog catalog,
    IClock clock,
    IWorkingDayCalendar calendar,
    ITimerScheduler timerScheduler,
    EngineOptions options,
    IEnumerable<ITaskObserver> taskObservers,
    IEnumerable<ITaskReminderObserver> reminderObservers,
    IEnumerable<ITaskChangeObserver> taskChangeObservers,
    IRoleDirectory roleDirectory,
    ILogger<WorkflowRuntime> logger)
{
    public const string TimerActor = "timer";

    public IClock Clock => clock;

    public Task<StartResult> StartAsync(StartRequest request, CancellationToken ct = default) =>
        BusFlowTelemetry.TraceAsync("busflow.start", () => StartInTransactionAsync(request, ct),
            started => BusFlowTelemetry.CountIf(started.Created, BusFlowTelemetry.InstancesStarted));

    private Task<StartResult> StartInTransactionAsync(StartRequest request, CancellationToken ct) =>
        InTransactionAsync(request.Actor, async session =>
        {
            // A keyed start of the latest version asks its two questions in one read.
            var key = request.CorrelationKey;
            var (version, existing) = request.Version is null && key is not null
                ? await session.Store.FindLatestVersionAndCorrelatedInstanceAsync(request.DefinitionId, key, ct)
                : (request.Version, null);
            var definition = await catalog.GetAsync(session.Store, request.DefinitionId, version, ct)
                ?? throw new WorkflowRequestException(RequestErrorKind.NotFound, request.Version is null
                    ? $"No workflow definition '{request.DefinitionId}' is published."
                    : $"Version {request.Version} of workflow definition '{request.DefinitionId}' is not published.");
            if (key is not null && request.Version is not null)
            {
                existing = await session.Store.FindInstanceByCorrelationKeyAsync(definition.Id, key, ct);
            }

            if (existing is not null)
            {
                return new StartResult(existing, Created: false);
            }

            var execution = await StartInstanceAsync(session, definition, request.Input ?? [], request.CorrelationKey, parent: null, ct);
            return new StartResult(execution.Instance, Created: true);
        }, ct);

    public Task<TaskCompletion> CompleteTaskAsync(Guid taskId, string outcome, string? comment, string actor, CancellationToken ct = default) =>
        CompleteTaskAsync(taskId, new TaskAnswer(outcome, comment, actor), ct);

    /// <summary>Records a person's answer and resumes the instance inline, in this one transaction.</summary>
    public Task<TaskCompletion> CompleteTaskAsync(Guid taskId, TaskAnswer answer, CancellationToken ct = default) =>
        BusFlowTelemetry.TraceAsync("busflow.answer", () => CompleteTaskInTransactionAsync(taskId, answer, ct),
            completion => BusFlowTelemetry.CountIf(completion.Status == TaskCompletionStatus.Completed, BusFlowTelemetry.TasksAnswered));

    private Task<TaskCompletion> CompleteTaskInTransactionAsync(Guid taskId, TaskAnswer answer, CancellationToken ct) =>
        InTransactionAsync(answer.Actor, async session =>
        {
            var task = await session.Store.FindTaskWithInstanceAsync(taskId, ct);
            if (task is null)
            {
                return new TaskCompletion(TaskCompletionStatus.NotFound, null);
            }

            if (answer.MayAnswer is { } mayAnswer && !mayAnswer(task))
            {
                return new TaskCompletion(TaskCompletionStatus.NotPermitted, null);
            }

            if (task.Status != HumanTaskStatus.Open)
            {
                return new TaskCompletion(TaskCompletionStatus.AlreadyClosed, task);
            }

            var (outcome, comment, actor) = (answer.Outcome, answer.Comment, answer.Actor);
            if (!task.Outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                return new TaskCompletion(TaskCompletionStatus.InvalidOutcome, task);
            }

            var spec = TaskAnswerSpec.Parse(task.AnswerSpecJson);
            var data = spec.WithUploads(answer.Data, answer.Documents);
            var problems = spec.Check(outcome, comment, data, AnswerCircumstances.Of(task, session.Now, options.TimeZone));
            if (problems.Count > 0)
            {
                return new TaskCompletion(TaskCompletionStatus.InvalidAnswer, task) { Problems = problems };
            }

            var execution = await LoadAsync(session, task.InstanceId, ct);
            if (execution.Instance.Status is not (InstanceStatus.Waiting or InstanceStatus.Running))
            {
                return new TaskCompletion(TaskCompletionStatus.InstanceNotWaiting, task, execution.Instance.Status);
            }

            data = await StoreDocumentsAsync(session, spec, task, data, answer, ct);
            task.Status = HumanTaskStatus.Completed;
            task.Outcome = outcome;
            task.Comment = comment;
            task.CompletedBy = actor;
            task.ClosedAt = session.Now;
            task.AnswerDataJson = data?.ToJsonString();
            await CancelRemindersAsync(session, task, ct);
            var payload = new JsonObject
            {
                ["outcome"] = outcome,
                ["comment"] = comment,
                ["completedBy"] = actor,
                ["completedAt"] = Expressions.Values.FromInstant(session.Now),
                ["data"] = data?.DeepClone(),
                ["proof"] = answer.Proof,
                ["task"] = new JsonObject
                {
                    ["due"] = task.DueDate is { } due ? Expressions.Values.FromDate(due) : null,
                    ["data"] = task.DataJson is { } taskData ? JsonNode.Parse(taskData) : null,
                },
            };
            if (answer.WithinTransaction is { } within)
            {
                await within(session.Store, task, ct);
            }

            session.Journal(execution, task.ActivityId, new TaskCompletedPayload(taskId, outcome, comment, data, answer.Proof, answer.Evidence));
            await ResumeBookmarkAsync(session, task.BookmarkId, payload, ct);
            return new TaskCompletion(TaskCompletionStatus.Completed, task);
        }, ct);

    public Task<TimerFireResult> FireTimerAsync(Guid timerId, CancellationToken ct = default) =>
        BusFlowTelemetry.TraceAsync("busflow.timer.fire", () => InTransactionAsync(TimerActor, session => FireTimerInSessionAsync(session, timerId, ct), ct),
            fired => BusFlowTelemetry.CountIf(fired == TimerFireResult.Fired, BusFlowTelemetry.TimersFired));

    /// <summary>
    /// Fires every pending timer that is due on the clock, one transaction each; returns how many fired.
    /// Each transaction claims its timer, so sweeps running at once on several nodes share the work
    /// instead of colliding, and none needs a lock beyond its own transaction.
    /// </summary>
    public async Task<int> FireDueTimersAsync(CancellationToken ct = default)
    {
        var fired = 0;
        Guid? previous = null;
        while (await InTransactionAsync(TimerActor, session => FireNextDueTimerAsync(session, ct), ct) is { } firing)
        {
            if (firing.TimerId == previous)
            {
                // Firing left it pending: claiming it again would loop; the next sweep tries again.
                logger.LogWarning("Timer {TimerId} is still pending after it fired ({Result}); the sweep stops here.", firing.TimerId, firing.Result);
                break;
            }

            previous = firing.TimerId;
            if (firing.Result == TimerFireResult.Fired)
            {
                fired++;
                BusFlowTelemetry.TimersFired.Add(1);
            }
        }

        return fired;
    }

    public Task<WorkflowInstance> CancelAsync(Guid instanceId, string actor, string? reason, CancellationToken ct = default) =>
        InTransactionAsync(actor, async session =>
        {
            var execution = await LoadAsync(session, instanceId, ct);
            if (execution.Instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
            {
                throw new WorkflowRequestException(RequestErrorKind.Conflict, $"The instance is already {execution.Instance.Status.ToString().ToLowerInvariant()}.");
            }

            await CancelInstanceAsync(session, execution, reason, ct);
            return execution.Instance;
        }, ct);

    /// <summary>Runs a faulted instance again from the activity that failed.</summary>
    public Task<WorkflowInstance> RetryAsync(Guid instanceId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(actor, async session =>
        {
            var execution = await LoadAsync(session, instanceId, ct);
            if (execution.Instance.Status != InstanceStatus.Faulted)
            {
                throw new WorkflowRequestException(RequestErrorKind.Conflict, $"Only a faulted instance can be retried; this one is {execution.Instance.Status.ToString().ToLowerInvariant()}.");
            }

            session.Journal(execution, execution.Instance.FaultActivityId, new RetriedPayload(execution.Instance.FaultMessage));
            execution.Instance.Status = InstanceStatus.Running;
            execution.Instance.FaultMessage = null;
            execution.Instance.FaultActivityId = null;
            await RunAsync(session, execution, ct);
            return execution.Instance;
        }, ct);

    /// <summary>Resumes a bookmark from outside (a signal); false when it was already consumed.</summary>
    public Task<bool> ResumeAsync(Guid bookmarkId, JsonNode? payload, string actor, CancellationToken ct = default) =>
        InTransactionAsync(actor, session => ResumeBookmarkAsync(session, bookmarkId, payload, ct), ct);

    /// <summary>Claims the next due timer and fires it; null when no due timer is left free.</summary>
    private async Task<(Guid TimerId, TimerFireResult Result)?> FireNextDueTimerAsync(RuntimeSession session, CancellationToken ct) =>
        await session.Store.ClaimDueTimerAsync(session.Now, ct) is { } timerId
            ? (timerId, await FireTimerInSessionAsync(session, timerId, ct))
            : null;

    private async Task<TimerFireResult> FireTimerInSessionAsync(RuntimeSession session, Guid timerId, CancellationToken ct)
    {
        var timer = await session.Store.FindTimerWithInstanceAsync(timerId, ct);
        if (timer is null)
        {
            return TimerFireResult.NotFound;
        }

        if (timer.Status != TimerStatus.Pending)
        {
            return TimerFireResult.AlreadyHandled;
        }

        if (timer.DueAt > session.Now)
        {
            return TimerFireResult.NotDue;
        }

        if (timer.Purpose == TimerPurpose.TaskReminder)
        {
            return await FireReminderAsync(session, timer, ct);
        }

        timer.Status = TimerStatus.Fired;
        timer.FiredAt = session.Now;
        var execution = await LoadAsync(session, timer.InstanceId, ct);
        session.Journal(execution, timer.ActivityId, new TimerFiredPayload(timerId, timer.DueAt));
        var payload = new JsonObject { ["dueAt"] = Expressions.Values.FromInstant(timer.DueAt), ["firedAt"] = Expressions.Values.FromInstant(session.Now) };
        return await ResumeBookmarkAsync(session, timer.BookmarkId, payload, ct) ? TimerFireResult.Fired : TimerFireResult.AlreadyHandled;
    }

    private async Task<T> InTransactionAsync<T>(string actor, Func<RuntimeSession, Task<T>> operation, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var storeSession = await store.BeginAsync(ct);
            var session = new RuntimeSession(storeSession, actor, clock.GetCurrentInstant());
            try
            {
                var result = await operation(session);
                session.FlushStates();
                await storeSession.CommitAsync(ct);
                foreach (var timer in session.NewTimers)
                {
                    timerScheduler.Schedule(timer.Id, timer.DueAt);
                }

                return result;
            }
            catch (ConcurrencyConflictException conflict) when (attempt < options.ConcurrencyRetries)
            {
                logger.LogDebug(conflict, "Another transaction changed the same instance first; retrying (attempt {Attempt}).", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), ct);
            }
        }
    }

    private async Task<Execution> LoadAsync(RuntimeSession session, Guid instanceId, CancellationToken ct)
    {
        if (session.Executions.TryGetValue(instanceId, out var loaded))
        {
            return loaded;
        }

        var instance = await session.Store.FindInstanceAsync(instanceId, ct)
            ?? throw new WorkflowRequestException(RequestErrorKind.NotFound, $"No workflow instance {instanceId}.");
        var definition = await catalog.GetAsync(session.Store, instance.DefinitionId, instance.DefinitionVersion, ct)
            ?? throw new InvalidOperationException($"Instance {instanceId} runs {instance.DefinitionId} v{instance.DefinitionVersion}, which is not published.");
        var input = JsonNode.Parse(instance.InputJson) as JsonObject ?? [];
        var execution = new Execution(instance, definition, ExecutionState.Deserialize(instance.StateJson), input);
        session.Executions[instanceId] = execution;
        return execution;
    }
}
