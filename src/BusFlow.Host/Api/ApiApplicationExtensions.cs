using BusFlow.Host.Api.Agreements;
using BusFlow.Host.Api.Definitions;
using BusFlow.Host.Api.Feeds;
using BusFlow.Host.Api.Health;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.OpenApi;
using BusFlow.Host.Api.Outbox;
using BusFlow.Host.Api.Tasks;

namespace BusFlow.Host.Api;

public static class ApiApplicationExtensions
{
    /// <summary>
    /// Exceptions and bodiless error responses (unknown routes, wrong methods) become
    /// application/problem+json; then the endpoints, and the OpenAPI document with its reference page.
    /// </summary>
    public static WebApplication UseBusFlowApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        var api = app.MapGroup("/api");
        api.MapDefinitionEndpoints();
        api.MapInstanceEndpoints();
        api.MapTaskEndpoints();
        api.MapOutboxEndpoints();
        api.MapFeedEndpoints();
        api.MapAgreementJournalEndpoints();
        app.MapCalendarFeedEndpoint();
        app.MapHealthEndpoint();
        app.MapBusFlowOpenApi();
        return app;
    }
}
