using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Engine.Design;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Web;

/// <summary>The draft page with the code editor, read and posted as a browser would; each test has its own definition id.</summary>
public sealed partial class JsonEditorPageTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private RunningHost Host => host.Host;

    [Fact]
    public async Task The_draft_page_loads_the_editor_under_a_policy_with_a_style_nonce_and_no_inline_allowance_and_other_pages_keep_theirs()
    {
        using var administrator = await TestSessions.AdministratorAsync(Host);
        var draft = await CreateAsync(administrator, "redigerare-policy");

        using var page = await administrator.Http.GetAsync(DraftPath(draft));
        var html = await page.Content.ReadAsStringAsync();
        using var list = await administrator.Http.GetAsync("/arbetsfloden");
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        var nonce = StyleNonce().Match(policy).Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.NotEqual("", nonce);
        Assert.Contains($"<script src=\"/assets/editor.js\" nonce=\"{nonce}\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("data-json-editor data-json-schema=\"/assets/workflow.schema.json\"", html, StringComparison.Ordinal);
        Assert.Equal(
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            string.Join(";", list.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("<script", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editor_script_and_the_schema_it_completes_from_are_served_from_the_app()
    {
        using var anonymous = Host.AnonymousClient();

        using var script = await anonymous.GetAsync("/assets/editor.js");
        using var schema = await anonymous.GetAsync("/assets/workflow.schema.json");
        var schemaJson = JsonNode.Parse(await schema.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cm-editor", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        Assert.Equal("application/schema+json", schema.Content.Headers.ContentType?.MediaType);
        Assert.Equal("BusFlow workflow definition", (string?)schemaJson["title"]);
        Assert.NotNull(schemaJson["$defs"]!["TaskActivity"]!["properties"]!["outcomes"]);
    }

    [Fact]
    public async Task With_the_editor_the_json_form_still_posts_its_text_field_and_saves_it()
    {
        using var administrator = await TestSessions.AdministratorAsync(Host);
        var draft = await CreateAsync(administrator, "redigerare-formular");
        var page = await administrator.Http.GetStringAsync(DraftPath(draft));
        var json = (await DraftJsonAsync(draft)).Replace("\"name\": \"Test\"", "\"name\": \"Skrivet i redigeraren\"", StringComparison.Ordinal);

        using var saved = await administrator.PostFormOfPageAsync($"{DraftPath(draft)}?handler=SaveJson", page, ("version", VersionField().Match(page).Groups[1].Value), ("json", json));

        Assert.Contains("data-json-editor", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("\"name\": \"Skrivet i redigeraren\"", await DraftJsonAsync(draft), StringComparison.Ordinal);
    }

    private static string DraftPath(Guid draft) => $"/arbetsfloden/utkast/{draft}";

    private async Task<Guid> CreateAsync(SessionClient administrator, string id)
    {
        using var created = await administrator.PostFormWithTokenOfAsync("/arbetsfloden", "/arbetsfloden?handler=Create", ("NewId", id), ("NewName", "Test"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.RedirectTarget()!.Split('/').Last());
    }

    private async Task<string> DraftJsonAsync(Guid draft) =>
        (await Host.Services.GetRequiredService<DefinitionDesigner>().FindAsync(draft, default))!.Json;

    [GeneratedRegex("style-src 'self' 'nonce-([0-9A-F]+)'")]
    private static partial Regex StyleNonce();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
