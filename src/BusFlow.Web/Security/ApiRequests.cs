namespace BusFlow.Web.Security;

/// <summary>
/// Which requests are the API's: they get problem+json and status codes, never a redirect to a page, and
/// may carry a token. The OpenAPI document is the API's; its reference page (/openapi) is a page.
/// </summary>
public static class ApiRequests
{
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || (request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
            && request.Path.Value!.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
}
