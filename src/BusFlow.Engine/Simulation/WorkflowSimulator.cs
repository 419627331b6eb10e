using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Engine.Simulation;

/// <summary>
/// Runs instances on a virtual clock: it jumps to the next moment something is due — a timer, or a
/// simulated person's answer — and lets it happen, so years of a mandate pass in seconds. The
/// database stays the source of truth, exactly as in a host. Recurring jobs (the weekly digest, …)
/// run at their moments too, after the timers and answers of the same moment.
/// With a <see cref="SimulatedTaskWatch"/> registered as the runtime's task observer, only the open
/// tasks of the instances it noted are read after a step; without one, every open task is.
/// </summary>
public sealed class WorkflowSimulator(WorkflowRuntime runtime, IWorkflowStore store, VirtualClock clock, IReadOnlyList<ISimulatedJob>? jobs = null, SimulatedTaskWatch? watch = null)
{
    /// <summary>The proof recorded with a simulated person's answer: nobody was recognised.</summary>
    public const string SimulatedProof = "simulation";

    /// <summary>Each open task's planned answer and whom it was planned for: a task handed to someone else is answered (or not) by her.</summary>
    private readonly Dictionary<Guid, (string Assignee, SimulatedAnswer? Answer)> _plannedAnswers = [];

    /// <summary>The answers still to come, soonest first; of the same moment, the task planned first.</summary>
    private readonly SortedSet<(Instant At, long Planned, Guid TaskId)> _comingAnswers = [];

    /// <summary>When each task was first planned: the tie-break between answers of the same moment.</summary>
    private readonly Dictionary<Guid, long> _planOrder = [];
    private readonly Dictionary<ISimulatedJob, Instant> _nextJobRuns = [];
    private bool _readAllOpenTasks;

    /// <summary>Advances the clock event by event until nothing is left to happen before <paramref name="until"/>.</summary>
    /// <returns>The number of timers fired and tasks answered.</returns>
    public async Task<int> RunUntilAsync(Instant until, ISimulatedResponder? responder, CancellationToken ct = default)
    {
        var steps = 0;
        foreach (var job in (jobs ?? []).Where(j => !_nextJobRuns.ContainsKey(j)))
        {
            _nextJobRuns[job] = job.NextAfter(clock.GetCurrentInstant());
        }

        while (!ct.IsCancellationRequested)
        {
            await PlanAnswersAsync(responder, ct);
            var nextAnswer = _comingAnswers.Count == 0
                ? default
                : (TaskId: _comingAnswers.Min.TaskId, Answer: _plannedAnswers[_comingAnswers.Min.TaskId].Answer);
            DurableTimer? nextTimer;
            await using (var session = await store.BeginAsync(ct))
            {
                nextTimer = await session.FindNextPendingTimerAsync(ct);
            }

            var answerAt = nextAnswer.Answer?.At;
            var timerAt = nextTimer?.DueAt;
            var next = (answerAt, timerAt) switch
            {
                ({ } a, { } t) => a <= t ? a : t,
                ({ } a, null) => a,
                (null, { } t) => t,
                _ => (Instant?)null,
            };
            var nextJob = _nextJobRuns.OrderBy(j => j.Value).Select(j => (Job: j.Key, At: (Instant?)j.Value)).FirstOrDefault();
            if (nextJob.At is { } jobAt && jobAt <= until && (next is null || jobAt < next))
            {
                clock.AdvanceTo(jobAt);
                await nextJob.Job.RunAsync(ct);
                _nextJobRuns[nextJob.Job] = nextJob.Job.NextAfter(jobAt);
                continue;
            }

            if (next is null || next > until)
            {
                clock.AdvanceTo(until);
                return steps;
            }

            clock.AdvanceTo(next.Value);
            if (answerAt == next && nextAnswer.Answer is not null)
            {
                Plan(nextAnswer.TaskId, _plannedAnswers[nextAnswer.TaskId].Assignee, null);
                var answer = nextAnswer.Answer;
                if (answer.Beforehand is { } act)
                {
                    await act(ct);
                }

                await runtime.CompleteTaskAsync(nextAnswer.TaskId, new TaskAnswer(answer.Outcome, answer.Comment, answer.Actor, answer.Data) { Proof = SimulatedProof, Documents = answer.Documents }, ct);
                steps++;
            }
            else
            {
                steps += await runtime.FireDueTimersAsync(ct);
            }
        }

        return steps;
    }

    private async Task PlanAnswersAsync(ISimulatedResponder? responder, CancellationToken ct)
    {
        if (responder is null)
        {
            return;
        }

        // Before the first read every open task is new; after it, only a noted instance can have one.
        var noted = watch is not null && _readAllOpenTasks ? watch.TakeNoted() : null;
        if (noted is { Count: 0 })
        {
            return;
        }

        IReadOnlyList<HumanTask> open;
        if (noted is null)
        {
            watch?.TakeNoted();
        }

        await using (var session = await store.BeginAsync(ct))
        {
            open = await session.ListTasksAsync(new TaskQuery(Status: HumanTaskStatus.Open, Take: int.MaxValue, InstanceIds: noted), ct);
            _readAllOpenTasks = true;
        }

        foreach (var task in open.Where(t => !_plannedAnswers.TryGetValue(t.Id, out var planned) || planned.Assignee != t.Assignee))
        {
            Plan(task.Id, task.Assignee, responder.Answer(task, clock.GetCurrentInstant()));
        }
    }

    private void Plan(Guid taskId, string assignee, SimulatedAnswer? answer)
    {
        if (_plannedAnswers.TryGetValue(taskId, out var earlier) && earlier.Answer is not null)
        {
            _comingAnswers.Remove((earlier.Answer.At, _planOrder[taskId], taskId));
        }

        if (!_planOrder.TryGetValue(taskId, out var order))
        {
            order = _planOrder[taskId] = _planOrder.Count;
        }

        _plannedAnswers[taskId] = (assignee, answer);
        if (answer is not null)
        {
            _comingAnswers.Add((answer.At, order, taskId));
        }
    }
}

/// <summary>How simulated people answer: an outcome at a moment, or null for someone who never answers.</summary>
public interface ISimulatedResponder
{
    SimulatedAnswer? Answer(HumanTask task, Instant now);
}

public sealed record SimulatedAnswer(string Outcome, Instant At, string Actor, string? Comment = null, System.Text.Json.Nodes.JsonObject? Data = null)
{
    /// <summary>What the simulated person does just before answering, at the answer's moment (e.g. enters a meeting plan the task asks for).</summary>
    public Func<CancellationToken, Task>? Beforehand { get; init; }

    /// <summary>The files the simulated person attaches for the task's document fields (checked by the document rules).</summary>
    public IReadOnlyDictionary<string, Documents.DocumentUpload>? Documents { get; init; }
}
