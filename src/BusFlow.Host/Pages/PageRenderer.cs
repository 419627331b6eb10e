using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using BusFlow.Notifications.Templates;
using Fluid;
using Fluid.Values;

namespace BusFlow.Host.Pages;

/// <summary>
/// Renders the pages people see (task pages, receipts, the code page) from Liquid templates built
/// into the host, inside one accessible layout; every value is HTML-encoded. Each page is sent with
/// headers that keep it out of caches, referrers, search engines and frames.
/// </summary>
public sealed class PageRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly FluidParser _parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options = new() { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };

    /// <summary>A page: <paramref name="template"/> rendered with <paramref name="model"/> and the texts of the language, inside the layout.</summary>
    public IResult Page(HttpContext http, string template, string language, string title, JsonObject model, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(model);
        var texts = PageTexts.For(language);
        model["t"] = new JsonObject(texts.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
        model["lang"] = language;
        model["other_language_url"] = OtherLanguageUrl(http, texts["other_language_code"]);
        var body = Render(template, model);
        model["title"] = title;
        model["body"] = body;
        var page = Render("layout", model);
        SecurityHeaders.ApplyTo(http.Response);
        return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
    }

    private string Render(string name, JsonObject model)
    {
        var template = _templates.GetOrAdd(name, Load);
        var context = new TemplateContext(_options);
        foreach (var (key, value) in TemplateModel.ToDictionary(model))
        {
            context.SetValue(key, FluidValue.Create(value, _options));
        }

        // The layout takes the page's body as it is: it was encoded when it was rendered.
        if (name == "layout" && model["body"] is JsonValue body)
        {
            context.SetValue("body", new StringValue(body.GetValue<string>(), encode: false));
        }

        return template.Render(context, Html);
    }

    private IFluidTemplate Load(string name)
    {
        var resource = $"{typeof(PageRenderer).Namespace}.Templates.{name}.liquid";
        using var stream = typeof(PageRenderer).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The page template {resource} is not built into the host.");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        return _parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The page template {name}.liquid does not parse: {error}");
    }

    private static string OtherLanguageUrl(HttpContext http, string language) =>
        http.Request.Method is "GET" or "HEAD" ? $"{http.Request.PathBase}{http.Request.Path}?lang={language}" : $"?lang={language}";
}

/// <summary>The headers of every page: no caching, no referrer, no indexing, no framing, nothing loaded from elsewhere.</summary>
public static class SecurityHeaders
{
    public static void ApplyTo(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["X-Frame-Options"] = "DENY";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }
}
