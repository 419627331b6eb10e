using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;

namespace BusFlow.Host.Api.Tasks;

public static class TaskEndpoints
{
    private const int MaxTake = 500;

    public static void MapTaskEndpoints(this IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/tasks");
        tasks.MapGet("/", ListAsync).RequireAuthorization(BusFlowPolicies.Reader);
        tasks.MapGet("/{id:guid}", GetAsync).RequireAuthorization();
        tasks.MapPost("/{id:guid}/complete", CompleteAsync).RequireAuthorization(BusFlowPolicies.Writer);
    }

    /// <summary>Administrators and viewers see every task; a secretary her boards' and her own.</summary>
    private static async Task<IResult> ListAsync(
        string? assignee, string? status, Guid? instanceId, int? take, IWorkflowStore store, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(http.User, ct);
        if (!QueryValues.TryParseEnum<HumanTaskStatus>(status, out var parsedStatus))
        {
            return ApiProblems.BadRequest($"Unknown status '{status}' (allowed: {QueryValues.Allowed<HumanTaskStatus>()}).").ToResult();
        }

        await using var session = await store.BeginAsync(ct);
        var tasks = await session.ListTasksAsync(new TaskQuery(assignee, parsedStatus, instanceId, Math.Clamp(take ?? 100, 1, MaxTake)), ct);
        return Results.Ok(tasks.Where(t => scope.MaySeeTask(t.Assignee, t.Role)).Select(TaskResponse.From).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, IWorkflowStore store, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(http.User, ct);
        await using var session = await store.BeginAsync(ct);
        return await session.FindTaskAsync(id, ct) switch
        {
            null => UnknownTask(id),
            { } task when !scope.MaySeeTask(task.Assignee, task.Role) => NotYours(id),
            { } task => Results.Ok(TaskResponse.From(task)),
        };
    }

    private static async Task<IResult> CompleteAsync(
        Guid id, CompleteTaskRequest request, WorkflowRuntime runtime, IWorkflowStore store, EngineOptions engine, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(http.User, ct);
        // Whose task it is comes first: someone else's task gets no hint about its outcomes.
        await using (var session = await store.BeginAsync(ct))
        {
            if (await session.FindTaskAsync(id, ct) is { } asked && !scope.MayAnswerTask(asked.Assignee, asked.Role))
            {
                return NotYours(id);
            }
        }

        var answer = new TaskAnswer(request.Outcome?.Trim() ?? "", request.Comment, RequestActor.Of(http), request.Data)
        {
            Proof = "api",
            // An answer with legal weight needs the signer's own proof: the mailed link and a code
            // sent to them. The API cannot give it, whoever calls it; the answer's transaction is undone.
            WithinTransaction = (_, task, _) => !scope.MayAnswerTask(task.Assignee, task.Role)
                ? throw new NotYoursException()
                : TaskAnswerSpec.Parse(task.AnswerSpecJson).NeedsConfirmationCode
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
        catch (NotYoursException)
        {
            return NotYours(id);
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

    private static IResult NotYours(Guid id) =>
        ApiProblems.Forbidden($"Task {id} is neither yours nor one of the boards you are secretary of.").ToResult();

    private sealed class NotYoursException : Exception;

    private sealed class NeedsPersonalProofException(HumanTask task) : Exception
    {
        public HumanTask Task { get; } = task;
    }
}
