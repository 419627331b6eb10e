using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Host.Api.Errors;

namespace BusFlow.Host.Api.Tasks;

public static class TaskEndpoints
{
    private const int MaxTake = 500;

    public static void MapTaskEndpoints(this IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/tasks");
        tasks.MapGet("/", ListAsync);
        tasks.MapGet("/{id:guid}", GetAsync);
        tasks.MapPost("/{id:guid}/complete", CompleteAsync);
    }

    private static async Task<IResult> ListAsync(string? assignee, string? status, Guid? instanceId, int? take, IWorkflowStore store, CancellationToken ct)
    {
        if (!QueryValues.TryParseEnum<HumanTaskStatus>(status, out var parsedStatus))
        {
            return ApiProblems.BadRequest($"Unknown status '{status}' (allowed: {QueryValues.Allowed<HumanTaskStatus>()}).").ToResult();
        }

        await using var session = await store.BeginAsync(ct);
        var tasks = await session.ListTasksAsync(new TaskQuery(assignee, parsedStatus, instanceId, Math.Clamp(take ?? 100, 1, MaxTake)), ct);
        return Results.Ok(tasks.Select(TaskResponse.From).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, IWorkflowStore store, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await session.FindTaskAsync(id, ct) is { } task
            ? Results.Ok(TaskResponse.From(task))
            : UnknownTask(id);
    }

    private static async Task<IResult> CompleteAsync(
        Guid id, CompleteTaskRequest request, WorkflowRuntime runtime, EngineOptions engine, HttpContext http, CancellationToken ct)
    {
        var answer = new TaskAnswer(request.Outcome?.Trim() ?? "", request.Comment, RequestActor.Of(http), request.Data)
        {
            Proof = "api",
            // An answer with legal weight needs the signer's own proof: the mailed link and a code
            // sent to them. The API cannot give it, whoever calls it; the answer's transaction is undone.
            WithinTransaction = (_, task, _) => TaskAnswerSpec.Parse(task.AnswerSpecJson).NeedsConfirmationCode
                ? throw new NeedsPersonalProofException(task)
                : Task.CompletedTask,
        };
        TaskCompletion completion;
        try
        {
            completion = await runtime.CompleteTaskAsync(id, answer, ct);
        }
        catch (NeedsPersonalProofException refused)
        {
            return TaskProblems.NeedsPersonalProof(refused.Task).ToResult();
        }

        return completion switch
        {
            { Status: TaskCompletionStatus.InvalidAnswer, Task: { } task } => TaskProblems.InvalidAnswer(task, completion.Problems).ToResult(),
            { Status: TaskCompletionStatus.Completed, Task: { } task } => Results.Ok(TaskResponse.From(task)),
            { Status: TaskCompletionStatus.AlreadyClosed, Task: { } task } => TaskProblems.AlreadyClosed(task, engine.TimeZone).ToResult(),
            { Status: TaskCompletionStatus.InvalidOutcome, Task: { } task } => TaskProblems.InvalidOutcome(task, request.Outcome).ToResult(),
            { Status: TaskCompletionStatus.InstanceNotWaiting, Task: { } task } => TaskProblems.InstanceStopped(task, completion.InstanceStatus).ToResult(),
            _ => UnknownTask(id),
        };
    }

    private static IResult UnknownTask(Guid id) => ApiProblems.NotFound($"No task {id}.").ToResult();

    private sealed class NeedsPersonalProofException(HumanTask task) : Exception
    {
        public HumanTask Task { get; } = task;
    }
}
