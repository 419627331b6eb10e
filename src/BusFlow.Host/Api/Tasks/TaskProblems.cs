using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Host.Api.Errors;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Api.Tasks;

/// <summary>Why a task did not take an answer, said so that the person who tried understands.</summary>
public static class TaskProblems
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");

    /// <summary>409: someone answered first, or the task was cancelled; says who, when and what.</summary>
    public static ProblemDetails AlreadyClosed(HumanTask task, DateTimeZone zone)
    {
        var when = task.ClosedAt is { } closedAt ? $"{LocalPattern.Format(closedAt.InZone(zone).LocalDateTime)} ({zone.Id})" : "earlier";
        var problem = ApiProblems.Conflict(task.Status == HumanTaskStatus.Completed
            ? $"The task was already answered '{task.Outcome}' by {task.CompletedBy} on {when}."
            : $"The task was cancelled on {when}; it takes no answer any more.");
        problem.Extensions["taskStatus"] = task.Status.ToString().ToLowerInvariant();
        problem.Extensions["completedBy"] = task.CompletedBy;
        problem.Extensions["closedAt"] = task.ClosedAt is { } at ? InstantPattern.ExtendedIso.Format(at) : null;
        problem.Extensions["outcome"] = task.Outcome;
        return problem;
    }

    /// <summary>409: the task's workflow has stopped (faulted); the answer is not recorded and the task stays open.</summary>
    public static ProblemDetails InstanceStopped(HumanTask task, InstanceStatus? status)
    {
        var state = status?.ToString().ToLowerInvariant() ?? "stopped";
        var problem = ApiProblems.Conflict($"The workflow of this task is {state}, so the answer was not recorded. The task stays open and can be answered when the workflow has been retried.");
        problem.Extensions["instanceId"] = task.InstanceId;
        problem.Extensions["instanceStatus"] = state;
        return problem;
    }

    /// <summary>422: the answer lacks what the task asks for (a comment, a fact of the decision).</summary>
    public static ProblemDetails InvalidAnswer(HumanTask task, IReadOnlyList<AnswerProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(task);
        return ApiProblems.Invalid("The answer lacks what the task asks for.", problems.Select(p => new ApiError($"$.{p.Field}", p.Message)).ToList());
    }

    /// <summary>409: the task must be answered by its recipient, through the mailed link and a confirmation code.</summary>
    public static ProblemDetails NeedsPersonalProof(HumanTask task)
    {
        var problem = ApiProblems.Conflict("This task has legal weight: it is answered by its recipient through the link in the mail, confirmed with a one-time code sent by a second mail. The API cannot answer it.");
        problem.Extensions["taskId"] = task.Id;
        return problem;
    }

    /// <summary>422: the outcome is not one the task allows; lists the ones it does.</summary>
    public static ProblemDetails InvalidOutcome(HumanTask task, string? outcome)
    {
        var allowed = string.Join(", ", task.Outcomes);
        var message = string.IsNullOrWhiteSpace(outcome)
            ? $"an outcome is required (allowed: {allowed})"
            : $"'{outcome}' is not an outcome of this task (allowed: {allowed})";
        var problem = ApiProblems.Invalid($"The task takes one of these outcomes: {allowed}.", [new ApiError("$.outcome", message)]);
        problem.Extensions["allowedOutcomes"] = task.Outcomes.ToList();
        return problem;
    }
}
