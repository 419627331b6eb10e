using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Security;

namespace BusFlow.Host.Api.Instances;

public static class InstanceEndpoints
{
    private const int MaxTake = 500;

    public static void MapInstanceEndpoints(this IEndpointRouteBuilder api)
    {
        var instances = api.MapGroup("/instances");
        instances.MapPost("/", StartAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
        instances.MapGet("/", ListAsync).RequireAuthorization(BusFlowPolicies.Overseer);
        instances.MapGet("/{id:guid}", GetAsync).RequireAuthorization(BusFlowPolicies.Overseer);
        instances.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
        instances.MapPost("/{id:guid}/retry", RetryAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
        instances.MapGet("/{id:guid}/journal", JournalAsync).RequireAuthorization(BusFlowPolicies.Overseer);
        instances.MapPost("/{id:guid}/signals/{signal}", SignalAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
    }

    /// <summary>201 with the new instance, or 200 with the one its correlation key already started.</summary>
    private static async Task<IResult> StartAsync(StartInstanceRequest request, WorkflowRuntime runtime, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
        {
            throw new WorkflowRequestException(RequestErrorKind.Invalid, "Say which workflow to start.",
                [new DefinitionError("request", "$.definitionId", DefinitionMessage.Required("definitionId"))]);
        }

        StartResult started;
        try
        {
            started = await runtime.StartAsync(
                new StartRequest(request.DefinitionId, request.Input, request.CorrelationKey, request.Version, RequestActor.Of(http)), ct);
        }
        catch (WorkflowRequestException refused) when (refused.Kind == RequestErrorKind.Invalid)
        {
            throw InBodyTerms(refused);
        }

        var body = InstanceDetail.From(started.Instance);
        return started.Created ? Results.Created($"/api/instances/{started.Instance.Id}", body) : Results.Ok(body);
    }

    private static async Task<IResult> ListAsync(string? definitionId, string? status, int? take, IWorkflowStore store, CancellationToken ct)
    {
        if (!QueryValues.TryParseEnum<InstanceStatus>(status, out var parsedStatus))
        {
            return ApiProblems.BadRequest($"Unknown status '{status}' (allowed: {QueryValues.Allowed<InstanceStatus>()}).").ToResult();
        }

        await using var session = await store.BeginAsync(ct);
        var instances = await session.ListInstancesAsync(new InstanceQuery(definitionId, parsedStatus, Math.Clamp(take ?? 100, 1, MaxTake)), ct);
        return Results.Ok(instances.Select(InstanceSummary.From).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, IWorkflowStore store, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await session.FindInstanceAsync(id, ct) is { } instance
            ? Results.Ok(InstanceDetail.From(instance))
            : UnknownInstance(id);
    }

    private static async Task<IResult> CancelAsync(Guid id, CancelInstanceRequest? request, WorkflowRuntime runtime, HttpContext http, CancellationToken ct)
    {
        var instance = await runtime.CancelAsync(id, RequestActor.Of(http), request?.Reason, ct);
        return Results.Ok(InstanceDetail.From(instance));
    }

    private static async Task<IResult> RetryAsync(Guid id, WorkflowRuntime runtime, HttpContext http, CancellationToken ct)
    {
        var instance = await runtime.RetryAsync(id, RequestActor.Of(http), ct);
        return Results.Ok(InstanceDetail.From(instance));
    }

    /// <summary>The body is the signal's data (or empty); 409 when nothing waits for the signal, 422 when the data does not fit.</summary>
    private static async Task<IResult> SignalAsync(Guid id, string signal, JsonObject? data, WorkflowRuntime runtime, HttpContext http, CancellationToken ct)
    {
        var delivery = await runtime.SignalAsync(id, signal, data, RequestActor.Of(http), ct);
        return Results.Ok(new SignalDeliveryResponse(delivery.InstanceId, delivery.ActivityId, delivery.InstanceStatus));
    }

    private static async Task<IResult> JournalAsync(Guid id, IWorkflowStore store, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        if (await session.FindInstanceAsync(id, ct) is null)
        {
            return UnknownInstance(id);
        }

        var journal = await session.ListJournalAsync(id, ct);
        return Results.Ok(journal.Select(JournalEntryResponse.From).ToList());
    }

    /// <summary>The engine names input errors from the input's root ($.dueDate); in the request body they sit below $.input.</summary>
    private static WorkflowRequestException InBodyTerms(WorkflowRequestException refused) =>
        new(refused.Kind, refused.Message, refused.Errors
            .Select(e => e.File == "input" && e.JsonPath.StartsWith('$') ? e with { JsonPath = "$.input" + e.JsonPath[1..] } : e)
            .ToList());

    private static IResult UnknownInstance(Guid id) => ApiProblems.NotFound($"No workflow instance {id}.").ToResult();
}
