using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.Status;

/// <summary>
/// What an administrator does from an agreement's status board, each with a reason: to an open task of
/// its workflows, send its mail again, hand it to a substitute (a deputy, an acting secretary) or give it
/// a later due date; to a running decision round, give it a later last day. Each is one transaction
/// that journals the change in the instance it touches; a task or round that is not the agreement's,
/// or no longer open, is left alone.
/// </summary>
public sealed class TaskInterventions(WorkflowRuntime runtime, IWorkflowStore store, EngineOptions engine, IWorkingDayCalendar calendar)
{
    public const int ReasonMaxLength = 500;

    public Task<InterventionOutcome> ResendAsync(string agreementId, Guid taskId, string? reason, string actor, CancellationToken ct) =>
        InterveneAsync(agreementId, taskId, reason, actor, (change, why) => change.ResendTaskAsync(taskId, why, ct), ct);

    public async Task<InterventionOutcome> SubstituteAsync(string agreementId, Guid taskId, string? personId, string? reason, string actor, CancellationToken ct)
    {
        Person? person;
        HumanTask? task;
        await using (var session = await store.BeginAsync(ct))
        {
            person = string.IsNullOrWhiteSpace(personId) ? null : await session.Facet<IBusRecords>().FindPersonAsync(personId.Trim(), ct);
            task = await session.FindTaskAsync(taskId, ct);
        }

        if (person is not { Email.Length: > 0 })
        {
            return InterventionOutcome.UnknownPerson;
        }

        return task is not null && string.Equals(task.Assignee, person.Email, StringComparison.OrdinalIgnoreCase)
            ? InterventionOutcome.AlreadyAssigned
            : await InterveneAsync(agreementId, taskId, reason, actor, (change, why) => change.ReassignTaskAsync(taskId, person.Email, why, ct), ct);
    }

    public async Task<InterventionOutcome> ExtendAsync(string agreementId, Guid taskId, LocalDate? dueDate, string? reason, string actor, CancellationToken ct)
    {
        await using (var session = await store.BeginAsync(ct))
        {
            var today = runtime.Clock.GetCurrentInstant().InZone(engine.TimeZone).Date;
            if (dueDate is not { } day || day < today || (await session.FindTaskAsync(taskId, ct))?.DueDate is { } present && day <= present)
            {
                return InterventionOutcome.DateNotLater;
            }
        }

        return await InterveneAsync(agreementId, taskId, reason, actor, (change, why) => change.MoveTaskAsync(taskId, new TaskMove(dueDate.Value, why), ct), ct);
    }

    /// <summary>
    /// Gives a running decision round a later last day: the timer that ends it moves to the end of the new
    /// day (on the next working day when it is not one, as the round itself moves its deadline).
    /// </summary>
    public async Task<InterventionOutcome> ExtendRoundAsync(string agreementId, Guid roundId, LocalDate? deadline, string? reason, string actor, CancellationToken ct)
    {
        if (!IsReason(reason))
        {
            return InterventionOutcome.ReasonNeeded;
        }

        var today = runtime.Clock.GetCurrentInstant().InZone(engine.TimeZone).Date;
        if (deadline is not { } asked || asked < today)
        {
            return InterventionOutcome.DateNotLater;
        }

        var ends = calendar.OnOrNextWorkingDay(asked).PlusDays(1).AtStartOfDayInZone(engine.TimeZone).ToInstant();
        return await runtime.ChangeAsync(actor, async change =>
        {
            if (await change.Store.FindInstanceAsync(roundId, ct) is not { DefinitionId: AgreementStatusReader.RoundWorkflow, Status: InstanceStatus.Running or InstanceStatus.Waiting }
                || !await Journal.AgreementInstances.IncludesAsync(change.Store, agreementId, roundId, ct)
                || await RoundDeadlineTimerAsync(change.Store, roundId, ct) is not { } timer)
            {
                return InterventionOutcome.NotOpen;
            }

            return ends <= timer.DueAt
                ? InterventionOutcome.DateNotLater
                : await change.MoveTimerAsync(timer.Id, ends, reason!.Trim(), ct) ? InterventionOutcome.Done : InterventionOutcome.NotOpen;
        }, ct);
    }

    /// <summary>The pending timer on which a round waits for its last day to pass.</summary>
    public static async Task<DurableTimer?> RoundDeadlineTimerAsync(IWorkflowSession session, Guid roundId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (await session.ListTimersAsync(roundId, ct))
            .FirstOrDefault(t => t.Status == TimerStatus.Pending && t.ActivityId == AgreementStatusReader.RoundDeadlineActivity);
    }

    public static bool IsReason(string? reason) => reason?.Trim() is { Length: > 0 and <= ReasonMaxLength };

    private async Task<InterventionOutcome> InterveneAsync(
        string agreementId, Guid taskId, string? reason, string actor, Func<WorkflowChange, string, Task<bool>> intervene, CancellationToken ct)
    {
        if (!IsReason(reason))
        {
            return InterventionOutcome.ReasonNeeded;
        }

        var why = reason!.Trim();
        return await runtime.ChangeAsync(actor, async change =>
        {
            if (await change.Store.FindTaskAsync(taskId, ct) is not { Status: HumanTaskStatus.Open } task
                || !await Journal.AgreementInstances.IncludesAsync(change.Store, agreementId, task.InstanceId, ct))
            {
                return InterventionOutcome.NotOpen;
            }

            return await intervene(change, why) ? InterventionOutcome.Done : InterventionOutcome.NotOpen;
        }, ct);
    }
}
