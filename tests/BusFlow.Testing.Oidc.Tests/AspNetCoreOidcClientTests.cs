using System.Net;
using System.Net.Http.Json;
using BusFlow.Testing.Oidc.Tests.Support;

namespace BusFlow.Testing.Oidc.Tests;

/// <summary>ASP.NET Core's OpenID Connect client (cookies + AddOpenIdConnect) signs people in through the test provider over real redirects.</summary>
public sealed class AspNetCoreOidcClientTests(SignedInAppFixture fixture) : IClassFixture<SignedInAppFixture>, IDisposable
{
    private readonly TestOidcProvider _provider = fixture.Provider;
    private readonly SignedInApp _app = fixture.App;
    private readonly TestOidcBrowser _browser = new();

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task A_user_who_signs_in_at_the_provider_reaches_the_protected_page_with_their_email_and_groups()
    {
        using var response = await _browser.OpenAsync(new Uri(_app.Address, "/me"), TestUsers.Administrator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<SignedInUser>();
        Assert.Equal(new SignedInUser("admin-1", "anna.admin@exempelby.test", "Anna Admin", user!.Groups, IsAdministrator: true), user);
        Assert.Equal(["busflow-admins", "sn-secretaries"], user.Groups);
        Assert.Contains(_browser.Visited, u => u.AbsolutePath == TestOidcProvider.AuthorizationPath && u.Port == _provider.Issuer.Port);
        Assert.Contains(_browser.Visited, u => u.AbsolutePath == TestOidcClient.SignInCallbackPath && u.Port == _app.Address.Port);
    }

    [Fact]
    public async Task A_user_outside_the_administrators_group_is_signed_in_without_that_role()
    {
        using var response = await _browser.OpenAsync(new Uri(_app.Address, "/me"), TestUsers.Secretary);

        var user = await response.Content.ReadFromJsonAsync<SignedInUser>();
        Assert.Equal(("sara.sekreterare@exempelby.test", false), (user!.Email, user.IsAdministrator));
        Assert.Equal(["sn-secretaries"], user.Groups);
    }

    [Fact]
    public async Task Without_signing_in_the_protected_page_leads_to_the_providers_sign_in_form()
    {
        using var response = await _browser.OpenAsync(new Uri(_app.Address, "/me"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_provider.Issuer.Port, response.RequestMessage!.RequestUri!.Port);
        Assert.Contains("test-oidc-sign-in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_passes_through_the_providers_end_session_endpoint_back_to_the_application()
    {
        (await _browser.OpenAsync(new Uri(_app.Address, "/me"), TestUsers.Administrator)).Dispose();

        using var signedOut = await _browser.OpenAsync(new Uri(_app.Address, "/signout"));
        using var afterwards = await _browser.OpenAsync(new Uri(_app.Address, "/me"));

        Assert.Equal("home", await signedOut.Content.ReadAsStringAsync());
        Assert.Contains(_browser.Visited, u => u.AbsolutePath == TestOidcProvider.EndSessionPath);
        Assert.Contains(_browser.Visited, u => u.AbsolutePath == TestOidcClient.SignedOutCallbackPath && u.Port == _app.Address.Port);
        Assert.Contains("test-oidc-sign-in", await afterwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
