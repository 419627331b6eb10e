namespace BusFlow.Web.Security;

/// <summary>Which requests are the API's: they get problem+json and status codes, never a redirect to a page.</summary>
public static class ApiRequests
{
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
