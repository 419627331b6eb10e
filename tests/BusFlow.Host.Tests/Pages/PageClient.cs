using System.Net;
using System.Text.RegularExpressions;

namespace BusFlow.Host.Tests.Pages;

/// <summary>
/// A browser without script, over real HTTP: keeps its cookies, reads pages, and posts their forms
/// with the antiforgery token the last page carried — as a person's browser would.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    public const string UserAgent = "BusFlowTests/1.0 (page client)";
    private readonly HttpClient _http;
    private string? _antiforgery;

    /// <param name="forwardedFor">An X-Forwarded-For header on every request, as a reverse proxy would add.</param>
    public PageClient(Uri baseAddress, string? forwardedFor = null)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        if (forwardedFor is not null)
        {
            _http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
    }

    public async Task<Page> GetAsync(string path) => await ReadAsync(await _http.GetAsync(path));

    public async Task<Page> HeadAsync(string path) => await ReadAsync(await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path)));

    /// <summary>Posts a form as the last page's form would, with its antiforgery token.</summary>
    public async Task<Page> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        var values = fields.ToList();
        if (_antiforgery is not null)
        {
            values.Add(("__antiforgery", _antiforgery));
        }

        using var content = new FormUrlEncodedContent(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));
        return await ReadAsync(await _http.PostAsync(path, content));
    }

    /// <summary>Posts a multipart form with a file, as the last page's form with a file input would, with its antiforgery token.</summary>
    public async Task<Page> PostWithFileAsync(string path, (string Field, string FileName, byte[] Content) file, params (string Name, string Value)[] fields)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(("__antiforgery", _antiforgery ?? "")))
        {
            content.Add(new StringContent(value), name);
        }

        var bytes = new ByteArrayContent(file.Content);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(bytes, file.Field, file.FileName);
        return await ReadAsync(await _http.PostAsync(path, content));
    }

    /// <summary>Posts without any antiforgery token, as another site's form would.</summary>
    public async Task<Page> PostWithoutTokenAsync(string path, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(v => KeyValuePair.Create(v.Name, v.Value)));
        return await ReadAsync(await _http.PostAsync(path, content));
    }

    /// <summary>Sends any method and body, as a script or a confused client might, with no token added.</summary>
    public async Task<Page> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        return await ReadAsync(await _http.SendAsync(request));
    }

    private async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var html = await response.Content.ReadAsStringAsync();
            if (AntiforgeryField().Match(html) is { Success: true } match)
            {
                _antiforgery = WebUtility.HtmlDecode(match.Groups[1].Value);
            }

            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            return new Page(response.StatusCode, html, headers);
        }
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__antiforgery\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>A page as it arrived: status, HTML and headers.</summary>
public sealed partial record Page(HttpStatusCode Status, string Html, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The text of the first h1, decoded.</summary>
    public string Heading => WebUtility.HtmlDecode(H1().Match(Html).Groups[1].Value);

    /// <summary>The page's text without tags, decoded, for "does the page say …".</summary>
    public string Text => WebUtility.HtmlDecode(Tags().Replace(Html, " "));

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
