using Microsoft.OpenApi;

namespace BusFlow.Host.Api.OpenApi;

public static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";

    private const string BearerScheme = "bearer";

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
                        + "shows the outbox, issues calendar feeds, exports an agreement's journal, and manages accounts, personal API "
                        + "tokens and the audit log. Every call needs a signed-in person: a session, or a personal API token "
                        + "(`Authorization: Bearer bft_…`, made at /konto/nycklar). Errors are application/problem+json.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "A personal API token (bft_…), read-only or read-write, made by a signed-in person at /konto/nycklar.",
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
