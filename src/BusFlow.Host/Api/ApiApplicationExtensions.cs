using BusFlow.Host.Api.Accounts;
using BusFlow.Host.Api.Agreements;
using BusFlow.Host.Api.Boards;
using BusFlow.Host.Api.Bodies;
using BusFlow.Host.Api.Definitions;
using BusFlow.Host.Api.Feeds;
using BusFlow.Host.Api.Health;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.OpenApi;
using BusFlow.Host.Api.Outbox;
using BusFlow.Host.Api.People;
using BusFlow.Host.Api.Tasks;

namespace BusFlow.Host.Api;

public static class ApiApplicationExtensions
{
    /// <summary>
    /// Exceptions and bodiless error responses (unknown routes, wrong methods, 401 and 403) become problem
    /// details: application/problem+json under /api, a page elsewhere (Pages.PageProblemWriter).
    /// </summary>
    public static WebApplication UseBusFlowErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// The API's endpoints, each with the policy it needs (none is open: the fallback policy needs a
    /// signed-in person), every change written to the audit log; and the open ones: the calendar feeds
    /// (the secret URL is the key) and /health.
    /// </summary>
    public static WebApplication MapBusFlowApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<AuditedChangeFilter>();
        api.MapDefinitionEndpoints();
        api.MapInstanceEndpoints();
        api.MapTaskEndpoints();
        api.MapOutboxEndpoints();
        api.MapFeedEndpoints();
        api.MapAgreementJournalEndpoints();
        api.MapAgreementEndpoints();
        api.MapBoardEndpoints();
        api.MapBodyEndpoints();
        api.MapPeopleEndpoints();
        api.MapTokenEndpoints();
        api.MapAuditEndpoints();
        api.MapUserEndpoints();
        app.MapCalendarFeedEndpoint();
        app.MapHealthEndpoint();
        app.MapBusFlowOpenApi();
        return app;
    }
}
