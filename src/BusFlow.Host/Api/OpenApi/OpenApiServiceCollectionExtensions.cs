using Microsoft.OpenApi;

namespace BusFlow.Host.Api.OpenApi;

public static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";

    /// <summary>The OpenAPI document of the JSON API: every endpoint under /api, with a title, version and description.</summary>
    public static IServiceCollection AddBusFlowOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "BusFlow API",
                    Version = DocumentName,
                    Description = "BusFlow runs the yearly cycles of BUS collaborations as durable workflows. This JSON API publishes "
                        + "and reads workflow definitions, starts, signals, retries and cancels instances, lists and answers tasks, "
                        + "shows the outbox, issues calendar feeds and exports an agreement's journal. Errors are application/problem+json.",
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
