using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace BusFlow.Host.Tests.Support;

/// <summary>
/// A person's browser without script over real HTTP: keeps cookies, follows no redirect by itself,
/// and posts a page's form with the antiforgery token that page carried. Signs in as a person does.
/// </summary>
public sealed partial class SessionClient : IDisposable
{
    private readonly HttpClient _http;

    public SessionClient(Uri baseAddress, string? bearerToken = null)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        if (bearerToken is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    public HttpClient Http => _http;

    /// <summary>Signs in with the password, and with the TOTP code of <paramref name="totpKey"/> when the account asks for one.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? totpKey = null)
    {
        var response = await PostFormAsync("/konto/logga-in", ("email", email), ("password", password));
        if (response.Headers.Location?.OriginalString.StartsWith("/konto/tvafaktor?", StringComparison.Ordinal) == true && totpKey is not null)
        {
            response = await PostFormAsync("/konto/tvafaktor", ("code", Totp.Code(totpKey, DateTimeOffset.UtcNow)));
        }

        return response;
    }

    /// <summary>Opens <paramref name="path"/>, then posts its form with the given fields and the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        await PostFormOfPageAsync(path, await _http.GetStringAsync(path), fields);

    /// <summary>Posts to <paramref name="path"/> with the antiforgery token of the page at <paramref name="tokenPage"/>: a form the person never saw.</summary>
    public async Task<HttpResponseMessage> PostFormWithTokenOfAsync(string tokenPage, string path, params (string Name, string Value)[] fields) =>
        await PostFormOfPageAsync(path, await _http.GetStringAsync(tokenPage), fields);

    /// <summary>Posts to <paramref name="path"/> the form of a <paramref name="page"/> opened earlier, with that page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormOfPageAsync(string path, string page, params (string Name, string Value)[] fields)
    {
        var values = fields.ToList();
        if (AntiforgeryField().Match(page) is { Success: true } token)
        {
            values.Add(("__antiforgery", WebUtility.HtmlDecode(token.Groups[1].Value)));
        }

        using var content = new FormUrlEncodedContent(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));
        return await _http.PostAsync(path, content);
    }

    /// <summary>Opens <paramref name="path"/>, then posts its upload form: the file as <paramref name="field"/>, with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string path, string field, string fileName, byte[] content, string? postTo = null)
    {
        var page = await _http.GetStringAsync(path);
        using var form = new MultipartFormDataContent();
        if (AntiforgeryField().Match(page) is { Success: true } token)
        {
            form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__antiforgery");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, field, fileName);
        return await _http.PostAsync(postTo ?? path, form);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__antiforgery\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
