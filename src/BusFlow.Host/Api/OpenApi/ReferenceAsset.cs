namespace BusFlow.Host.Api.OpenApi;

/// <summary>The reference page's files, embedded in the host and served with their type and the page's policy.</summary>
internal static class ReferenceAsset
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static IResult Serve(HttpContext http, string file)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = OpenApiEndpoints.ReferencePolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Bytes(Read(file), ContentTypes[Path.GetExtension(file)]);
    }

    private static byte[] Read(string file)
    {
        using var stream = typeof(ReferenceAsset).Assembly.GetManifestResourceStream($"{typeof(ReferenceAsset).Namespace}.Reference.{file}")
            ?? throw new InvalidOperationException($"The reference page's {file} is not embedded in the host.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
