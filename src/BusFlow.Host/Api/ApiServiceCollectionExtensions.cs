using BusFlow.Host.Api.Errors;
using BusFlow.Host.Api.Health;
using BusFlow.Host.Api.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BusFlow.Host.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>JSON conventions, problem details for every error, the health check and the OpenAPI document.</summary>
    public static IServiceCollection AddBusFlowApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.DescribeBodilessResponse);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Bad request bodies throw, so that ApiExceptionHandler answers them with a problem that says why.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.TryAddSingleton(new HealthSettings());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(HealthEndpoint.DatabaseCheck)
            .AddCheck<MigrationsHealthCheck>(HealthEndpoint.MigrationsCheck, tags: [HealthEndpoint.ReadinessTag])
            .AddCheck<LateTimersHealthCheck>(HealthEndpoint.LateTimersCheck, tags: [HealthEndpoint.ReadinessTag])
            .AddCheck<WorkflowFolderHealthCheck>(HealthEndpoint.WorkflowFolderCheck, tags: [HealthEndpoint.ReadinessTag])
            .AddCheck<OutboxHealthCheck>(HealthEndpoint.OutboxCheck, tags: [HealthEndpoint.ReadinessTag]);
        services.AddBusFlowOpenApi();
        return services;
    }
}
