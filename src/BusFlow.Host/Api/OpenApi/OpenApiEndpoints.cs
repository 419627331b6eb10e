using BusFlow.Web.Security;

namespace BusFlow.Host.Api.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json and a reference page at /openapi that renders it: the
/// page, its script and its style sheet come from the host itself (no CDN), and the page runs under
/// a Content-Security-Policy that allows no inline script. Anyone who may read the API may read its
/// document (a token too); the reference page is for administrators; its script and style sheet hold
/// nothing and are open.
/// </summary>
public static class OpenApiEndpoints
{
    public const string DocumentPath = "/openapi/" + OpenApiServiceCollectionExtensions.DocumentName + ".json";
    public const string ReferencePath = "/openapi";

    /// <summary>Only this origin's script, style and fetches; no inline script, no framing.</summary>
    public const string ReferencePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IEndpointRouteBuilder MapBusFlowOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().RequireAuthorization(BusFlowPolicies.Reader);
        var reference = app.MapGroup(ReferencePath).ExcludeFromDescription();
        reference.MapMethods("", ["GET", "HEAD"], (HttpContext http) => ReferenceAsset.Serve(http, "index.html"))
            .RequireAuthorization(BusFlowPolicies.Administrator);
        reference.MapMethods("/reference.js", ["GET", "HEAD"], (HttpContext http) => ReferenceAsset.Serve(http, "reference.js")).AllowAnonymous();
        reference.MapMethods("/reference.css", ["GET", "HEAD"], (HttpContext http) => ReferenceAsset.Serve(http, "reference.css")).AllowAnonymous();
        return app;
    }
}
