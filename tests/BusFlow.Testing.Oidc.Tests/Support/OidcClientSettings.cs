using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BusFlow.Testing.Oidc.Tests.Support;

/// <summary>
/// The options ASP.NET Core's OpenID Connect client needs against the test provider; what BusFlow's
/// own sign-in takes over. Each line that differs from the defaults says why.
/// </summary>
internal static class OidcClientSettings
{
    public static void Apply(OpenIdConnectOptions options, TestOidcProvider provider)
    {
        options.Authority = provider.Issuer.AbsoluteUri;
        // The test provider is plain HTTP on loopback; production authorities are https and keep the default.
        options.RequireHttpsMetadata = false;
        options.ClientId = provider.Client.ClientId;
        options.ClientSecret = provider.Client.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        // The default, form_post, needs script (or a click) on the provider's page to post back; a query redirect works without script.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Scope.Add("email");
        options.Scope.Add(TestOidcProvider.GroupsClaim);
        // Keep the token's own claim names (sub, email, groups) instead of the long WS-* URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.RoleClaimType = TestOidcProvider.GroupsClaim;
        // The identity token carries every claim needed; userinfo would add nothing (and would need a ClaimAction for the groups array).
        options.GetClaimsFromUserInfoEndpoint = false;
        // The id_token is kept for id_token_hint on sign-out.
        options.SaveTokens = true;
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        // The correlation and nonce cookies are Secure and SameSite=None by default: on plain HTTP a client
        // (browser or HttpClient) does not send them back and the callback fails with "Correlation failed".
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
    }
}
