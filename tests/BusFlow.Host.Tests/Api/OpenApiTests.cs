using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BusFlow.Host.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed partial class OpenApiTests(ApiHostFixture host)
{
    private static readonly string[] OperationKeys = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public async Task The_document_at_openapi_v1_json_has_a_title_a_version_and_a_description()
    {
        var info = (await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("info");

        Assert.Equal("BusFlow API", info.GetProperty("title").GetString());
        Assert.Equal("v1", info.GetProperty("version").GetString());
        Assert.Contains("durable workflows", info.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_says_every_call_takes_a_personal_api_token_as_a_bearer_token()
    {
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("bearer", out _), document.GetProperty("security").ToString());
    }

    [Fact]
    public async Task The_document_is_refused_to_an_anonymous_caller_and_the_reference_page_sends_one_to_sign_in()
    {
        using var anonymous = host.Host.AnonymousClient();
        using var noRedirects = new SessionClient(host.Host.BaseAddress);

        using var document = await anonymous.GetAsync("/openapi/v1.json");
        using var page = await noRedirects.Http.GetAsync("/openapi");

        Assert.Equal(HttpStatusCode.Unauthorized, document.StatusCode);
        Assert.Equal("application/problem+json", document.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/konto/logga-in?returnUrl=%2Fopenapi", page.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_document_lists_every_api_route_of_the_app_with_each_method_and_nothing_outside_the_api()
    {
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => OperationKeys.Contains(o.Name)).Select(o => $"{o.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var routes = ApiRoutes();

        Assert.Contains("POST /api/tasks/{id}/complete", routes);
        Assert.Contains("GET /api/agreements/{id}/journal.csv", routes);
        Assert.Empty(routes.Except(documented));
        Assert.All(documented, operation => Assert.Contains(" /api/", operation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reference_page_loads_its_script_and_style_sheet_from_the_app_under_a_policy_without_inline_script()
    {
        using var administrator = await TestSessions.AdministratorAsync(host.Host);
        using var page = await administrator.Http.GetAsync("/openapi");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        var scripts = ScriptTag().Matches(html);
        var script = Assert.Single(scripts);
        Assert.Equal("", script.Groups["body"].Value);
        var style = StyleSheetLink().Match(html);
        Assert.True(style.Success, html);
        Assert.DoesNotContain("//", script.Groups["src"].Value + style.Groups["href"].Value, StringComparison.Ordinal);

        await AssertServedAsync(script.Groups["src"].Value, "text/javascript");
        await AssertServedAsync(style.Groups["href"].Value, "text/css");
    }

    /// <summary>"METHOD /path/{parameter}" of every endpoint under /api, as OpenAPI writes paths (no constraints).</summary>
    private HashSet<string> ApiRoutes() =>
        host.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => (Endpoint: endpoint, Path: PathOf(endpoint.RoutePattern)))
            .Where(route => route.Path.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(route => (route.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(method => $"{method} {route.Path}"))
            .ToHashSet(StringComparer.Ordinal);

    private static string PathOf(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            _ => throw new InvalidOperationException($"Unknown route part in {pattern.RawText}."),
        }))));

    private async Task AssertServedAsync(string path, string mediaType)
    {
        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [GeneratedRegex("<script(?<attributes>[^>]*?)(?: src=\"(?<src>[^\"]*)\")(?<more>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]*)\">")]
    private static partial Regex StyleSheetLink();
}
