using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Security;
using BusFlow.Notifications.Outbox;

namespace BusFlow.Host.Api.Outbox;

public static class OutboxEndpoints
{
    private const int MaxTake = 500;

    public static void MapOutboxEndpoints(this IEndpointRouteBuilder api) => api.MapGet("/outbox", ListAsync).RequireAuthorization(BusFlowPolicies.Administrator);

    /// <summary>GET /api/outbox?status=pending|sent|failed&amp;instanceId=…&amp;take=…: newest first.</summary>
    private static async Task<IResult> ListAsync(string? status, Guid? instanceId, int? take, IWorkflowStore store, CancellationToken ct)
    {
        if (!QueryValues.TryParseEnum<OutboxStatus>(status, out var parsedStatus))
        {
            return ApiProblems.BadRequest($"Unknown status '{status}' (allowed: {QueryValues.Allowed<OutboxStatus>()}).").ToResult();
        }

        await using var session = await store.BeginAsync(ct);
        var messages = await session.Facet<IOutbox>().ListAsync(new OutboxQuery(parsedStatus, instanceId, Math.Clamp(take ?? 100, 1, MaxTake)), ct);
        return Results.Ok(messages.Select(OutboxMessageResponse.From).ToList());
    }
}
