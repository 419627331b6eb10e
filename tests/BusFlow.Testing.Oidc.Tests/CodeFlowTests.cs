using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BusFlow.Testing.Oidc.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BusFlow.Testing.Oidc.Tests;

public sealed class CodeFlowTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>, IDisposable
{
    private readonly TestOidcProvider _provider = fixture.Provider;
    private readonly HandDrivenCodeFlow _flow = new(fixture.Provider);

    public void Dispose() => _flow.Dispose();

    [Fact]
    public async Task The_authorization_endpoint_shows_a_sign_in_form_without_script_that_posts_back_the_request()
    {
        using var response = await _flow.RequestAuthorizationAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<form id=\"test-oidc-sign-in\" method=\"post\" action=\"/connect/authorize\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"username\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"code_challenge\" value=\"{_flow.Parameters["code_challenge"]}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_signed_in_user_is_sent_back_with_a_code_whose_identity_token_carries_sub_email_name_and_groups()
    {
        var redirect = await _flow.SignInAndReadRedirectAsync(TestUsers.Administrator);
        Assert.Equal(_flow.Parameters["state"], redirect["state"]);

        using var exchange = await _flow.ExchangeAsync(redirect["code"]);
        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        var tokens = await exchange.Content.ReadFromJsonAsync<JsonElement>();
        var validated = await IdentityTokenValidation.ValidateAsync(_provider, tokens.GetProperty("id_token").GetString()!);

        Assert.True(validated.IsValid, validated.Exception?.Message);
        var token = (JsonWebToken)validated.SecurityToken;
        Assert.Equal("admin-1", token.Subject);
        Assert.Equal("anna.admin@exempelby.test", token.GetPayloadValue<string>("email"));
        Assert.Equal("Anna Admin", token.GetPayloadValue<string>("name"));
        Assert.Equal(_flow.Parameters["nonce"], token.GetPayloadValue<string>("nonce"));
        Assert.Equal(["busflow-admins", "sn-secretaries"], GroupsIn(token));
    }

    [Fact]
    public async Task A_single_group_is_still_a_json_array_in_the_identity_token()
    {
        var tokens = await _flow.TokensForAsync(TestUsers.Secretary);
        var token = new JsonWebToken(tokens.GetProperty("id_token").GetString());

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        var groups = payload.RootElement.GetProperty("groups");
        Assert.Equal(JsonValueKind.Array, groups.ValueKind);
        Assert.Equal(["sn-secretaries"], groups.EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task The_access_token_opens_userinfo_with_the_same_facts()
    {
        var tokens = await _flow.TokensForAsync(TestUsers.Secretary);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_provider.Issuer, TestOidcProvider.UserInfoPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());

        using var response = await _flow.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var userInfo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("secretary-2", userInfo.GetProperty("sub").GetString());
        Assert.Equal("sara.sekreterare@exempelby.test", userInfo.GetProperty("email").GetString());
        Assert.Equal(["sn-secretaries"], userInfo.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_and_sends_nobody_back()
    {
        using var response = await _flow.SignInAsync(TestUsers.Administrator.UserName, "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_code_challenge_is_refused_because_PKCE_is_required()
    {
        _flow.Parameters.Remove("code_challenge");
        _flow.Parameters.Remove("code_challenge_method");

        using var response = await _flow.RequestAuthorizationAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_uri_that_is_not_registered_gets_an_error_page_and_no_redirect()
    {
        _flow.Parameters["redirect_uri"] = "http://attacker.test/signin-oidc";

        using var response = await _flow.RequestAuthorizationAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_code_is_exchanged_only_with_its_verifier_and_the_clients_secret_and_only_once()
    {
        var code = (await _flow.SignInAndReadRedirectAsync(TestUsers.Administrator))["code"];

        using var wrongSecret = await _flow.ExchangeAsync(code, clientSecret: "guessed");
        using var wrongVerifier = await _flow.ExchangeAsync(code, codeVerifier: new string('a', 43));
        using var right = await _flow.ExchangeAsync(code);
        using var again = await _flow.ExchangeAsync(code);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("invalid_client", await ErrorOf(wrongSecret));
        Assert.Equal("invalid_grant", await ErrorOf(wrongVerifier));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("invalid_grant", await ErrorOf(again));
    }

    private static string[] GroupsIn(JsonWebToken token) =>
        [.. token.Claims.Where(c => c.Type == TestOidcProvider.GroupsClaim).Select(c => c.Value)];

    private static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
}
