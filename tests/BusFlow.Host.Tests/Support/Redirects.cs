namespace BusFlow.Host.Tests.Support;

public static class Redirects
{
    /// <summary>Where a redirect sends the browser on this site, as path and query, whether the Location header is absolute or relative.</summary>
    public static string? RedirectTarget(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.Location is not { } location ? null
            : location.IsAbsoluteUri ? location.PathAndQuery
            : location.OriginalString;
    }
}
