using System.Net.Http.Json;
using System.Text.Json;
using BusFlow.Testing.Oidc.Tests.Support;

namespace BusFlow.Testing.Oidc.Tests;

public sealed class DiscoveryDocumentTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>, IDisposable
{
    private readonly TestOidcProvider _provider = fixture.Provider;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task The_discovery_document_names_the_issuer_and_every_endpoint_at_the_providers_loopback_address()
    {
        var discovery = await _http.GetFromJsonAsync<JsonElement>(_provider.DiscoveryDocument);

        Assert.Equal("127.0.0.1", _provider.Issuer.Host);
        Assert.Equal(_provider.Issuer.AbsoluteUri, discovery.GetProperty("issuer").GetString());
        Assert.Equal(_provider.AuthorizationEndpoint.AbsoluteUri, discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(_provider.TokenEndpoint.AbsoluteUri, discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(new Uri(_provider.Issuer, TestOidcProvider.UserInfoPath).AbsoluteUri, discovery.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(new Uri(_provider.Issuer, TestOidcProvider.EndSessionPath).AbsoluteUri, discovery.GetProperty("end_session_endpoint").GetString());
        Assert.StartsWith(_provider.Issuer.AbsoluteUri, discovery.GetProperty("jwks_uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provider_offers_the_authorization_code_flow_with_S256_PKCE_and_the_groups_claim()
    {
        var discovery = await _http.GetFromJsonAsync<JsonElement>(_provider.DiscoveryDocument);

        Assert.Equal(["code"], Strings(discovery, "response_types_supported"));
        Assert.Contains("authorization_code", Strings(discovery, "grant_types_supported"));
        Assert.Equal(["S256"], Strings(discovery, "code_challenge_methods_supported"));
        Assert.Superset(new HashSet<string> { "openid", "email", "profile", "groups" }, Strings(discovery, "scopes_supported").ToHashSet());
        Assert.Superset(new HashSet<string> { "sub", "email", "name", "groups" }, Strings(discovery, "claims_supported").ToHashSet());
        Assert.Contains("client_secret_post", Strings(discovery, "token_endpoint_auth_methods_supported"));
    }

    [Fact]
    public async Task The_key_set_holds_a_public_RSA_signing_key_and_no_private_part()
    {
        var discovery = await _http.GetFromJsonAsync<JsonElement>(_provider.DiscoveryDocument);
        var keys = await _http.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString());

        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }

    private static string[] Strings(JsonElement document, string property) =>
        [.. document.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
