using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Security;

namespace BusFlow.Host.Api.Definitions;

public static class DefinitionEndpoints
{
    public static void MapDefinitionEndpoints(this IEndpointRouteBuilder api)
    {
        var definitions = api.MapGroup("/definitions").RequireAuthorization(BusFlowPolicies.Reader);
        definitions.MapGet("/", ListLatestAsync);
        definitions.MapGet("/{id}", GetLatestAsync);
    }

    private static async Task<IResult> ListLatestAsync(IWorkflowStore store, DefinitionCatalog catalog, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var latest = await session.ListLatestDefinitionsAsync(ct);
        return Results.Ok(latest.Select(d => DefinitionSummary.From(d, catalog.Parse(d))).ToList());
    }

    private static async Task<IResult> GetLatestAsync(string id, IWorkflowStore store, DefinitionCatalog catalog, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await session.FindLatestDefinitionAsync(id, ct) is { } published
            ? Results.Ok(DefinitionDetail.From(published, catalog.Parse(published)))
            : ApiProblems.NotFound($"No workflow definition '{id}' is published.").ToResult();
    }
}
