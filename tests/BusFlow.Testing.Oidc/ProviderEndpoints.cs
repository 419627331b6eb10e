using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BusFlow.Testing.Oidc;

/// <summary>
/// The endpoints OpenIddict passes through to the host: the authorization endpoint (the sign-in form,
/// then the code), userinfo and end session. Discovery, JWKS and the token endpoint are OpenIddict's.
/// </summary>
internal static class ProviderEndpoints
{
    private static readonly string[] GetAndPost = [HttpMethods.Get, HttpMethods.Post];

    public static void Map(WebApplication app)
    {
        app.MapMethods(TestOidcProvider.AuthorizationPath, GetAndPost, AuthorizeAsync);
        app.MapMethods(TestOidcProvider.UserInfoPath, GetAndPost, UserInfoAsync);
        app.MapMethods(TestOidcProvider.EndSessionPath, GetAndPost, () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));
        app.MapGet("/", () => Results.Text("Test OpenID Connect provider"));
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, ProviderDirectory directory)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return SignInPage.Render(request, failed: false);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        return directory.SignIn(form[SignInPage.UserNameField], form[SignInPage.PasswordField]) is { } user
            ? Results.SignIn(TestOidcIdentity.Of(user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : SignInPage.Render(request, failed: true);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, ProviderDirectory directory)
    {
        var token = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return directory.WithSubject(token.Principal?.GetClaim(Claims.Subject)) is { } user
            ? Results.Json(TestOidcIdentity.UserInfoOf(user))
            : Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?> { [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
