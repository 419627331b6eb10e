using System.Net;
using System.Text.RegularExpressions;

namespace BusFlow.Testing.Oidc;

/// <summary>
/// An HttpClient that goes through a sign-in the way a browser without script does: it keeps
/// cookies, follows every redirect itself (so each hop can be seen), and when it lands on the
/// <see cref="TestOidcProvider"/>'s sign-in form it fills in a user's name and password and posts it.
/// </summary>
public sealed partial class TestOidcBrowser : IDisposable
{
    private const int MaxHops = 20;

    private readonly HttpClient _client;
    private readonly List<Uri> _visited = [];

    public TestOidcBrowser()
    {
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every address requested, in order, redirects included.</summary>
    public IReadOnlyList<Uri> Visited => _visited;

    /// <summary>
    /// Requests <paramref name="address"/> and follows redirects until a page answers; the provider's
    /// sign-in form is submitted once as <paramref name="user"/> (with <paramref name="password"/>, else theirs).
    /// Without a user, the sign-in form is the answer.
    /// </summary>
    public async Task<HttpResponseMessage> OpenAsync(Uri address, TestOidcUser? user = null, string? password = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var first = new HttpRequestMessage(HttpMethod.Get, address);
        var response = await SendAsync(first, ct);
        var signedIn = false;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                var next = new Uri(response.RequestMessage!.RequestUri!, location);
                response.Dispose();
                using var get = new HttpRequestMessage(HttpMethod.Get, next);
                response = await SendAsync(get, ct);
                continue;
            }

            if (user is null || signedIn || await SignInFormOf(response, ct) is not { } form)
            {
                return response;
            }

            signedIn = true;
            form[SignInPage.UserNameField] = user.UserName;
            form[SignInPage.PasswordField] = password ?? user.Password;
            var action = new Uri(response.RequestMessage!.RequestUri!, TestOidcProvider.AuthorizationPath);
            response.Dispose();
            using var post = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(form) };
            response = await SendAsync(post, ct);
        }

        throw new InvalidOperationException($"More than {MaxHops} redirects: {string.Join(" → ", _visited)}");
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        _visited.Add(request.RequestUri!);
        return await _client.SendAsync(request, ct);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    /// <summary>The hidden fields of the provider's sign-in form, or null when the page is not that form.</summary>
    private static async Task<Dictionary<string, string>?> SignInFormOf(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return null;
        }

        var html = await response.Content.ReadAsStringAsync(ct);
        if (!html.Contains($"id=\"{SignInPage.FormId}\"", StringComparison.Ordinal))
        {
            return null;
        }

        return HiddenField().Matches(html).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups["name"].Value),
            m => WebUtility.HtmlDecode(m.Groups["value"].Value),
            StringComparer.Ordinal);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();
}
