using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace BusFlow.Testing.Oidc.Tests.Support;

/// <summary>
/// The authorization code flow with PKCE done step by step with a plain HttpClient that follows no
/// redirect, so each answer of the provider can be looked at: the authorization request, the posted
/// sign-in form, the redirect with the code, and the code's exchange at the token endpoint.
/// </summary>
internal sealed class HandDrivenCodeFlow : IDisposable
{
    public static readonly Uri RedirectUri = new("http://client.test/signin-oidc");

    private readonly TestOidcProvider _provider;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public HandDrivenCodeFlow(TestOidcProvider provider)
    {
        _provider = provider;
        CodeVerifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        Parameters = new Dictionary<string, string?>
        {
            ["client_id"] = provider.Client.ClientId,
            ["redirect_uri"] = RedirectUri.AbsoluteUri,
            ["response_type"] = "code",
            ["scope"] = "openid email profile groups",
            ["state"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            ["nonce"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier))),
            ["code_challenge_method"] = "S256",
        };
    }

    public string CodeVerifier { get; }

    /// <summary>The authorization request's parameters; a test may change or remove one before it is sent.</summary>
    public Dictionary<string, string?> Parameters { get; }

    public HttpClient Http => _http;

    public Uri AuthorizationUrl => new(QueryHelpers.AddQueryString(_provider.AuthorizationEndpoint.AbsoluteUri, Parameters));

    public Task<HttpResponseMessage> RequestAuthorizationAsync() => _http.GetAsync(AuthorizationUrl);

    /// <summary>Posts what the sign-in form posts: the request's parameters, the user name and the password.</summary>
    public Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var form = new Dictionary<string, string?>(Parameters) { ["username"] = userName, ["password"] = password };
        return _http.PostAsync(_provider.AuthorizationEndpoint, new FormUrlEncodedContent(form!));
    }

    /// <summary>Signs in and returns the parameters of the redirect back to the client.</summary>
    public async Task<Dictionary<string, string>> SignInAndReadRedirectAsync(TestOidcUser user)
    {
        using var response = await SignInAsync(user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri.AbsoluteUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    public Task<HttpResponseMessage> ExchangeAsync(string code, string? codeVerifier = null, string? clientSecret = null) =>
        _http.PostAsync(_provider.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri.AbsoluteUri,
            ["client_id"] = _provider.Client.ClientId,
            ["client_secret"] = clientSecret ?? _provider.Client.ClientSecret,
            ["code_verifier"] = codeVerifier ?? CodeVerifier,
        }));

    /// <summary>The token response of a successful exchange of a fresh code for <paramref name="user"/>.</summary>
    public async Task<JsonElement> TokensForAsync(TestOidcUser user)
    {
        var redirect = await SignInAndReadRedirectAsync(user);
        using var response = await ExchangeAsync(redirect["code"]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose() => _http.Dispose();
}
