using System.Net;
using System.Text;
using OpenIddict.Abstractions;

namespace BusFlow.Testing.Oidc;

/// <summary>
/// The provider's sign-in form: user name and password, posted back to the authorization endpoint
/// with the authorization request's parameters as hidden fields, so it needs no script and no session.
/// </summary>
internal static class SignInPage
{
    public const string FormId = "test-oidc-sign-in";
    public const string UserNameField = "username";
    public const string PasswordField = "password";

    public static IResult Render(OpenIddictRequest request, bool failed)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in – test OpenID Connect provider</title></head><body><main>");
        html.Append("<h1>Sign in</h1>");
        if (failed)
        {
            html.Append("<p role=\"alert\" id=\"sign-in-failed\">Wrong user name or password.</p>");
        }

        html.Append(FormattableString.Invariant($"<form id=\"{FormId}\" method=\"post\" action=\"{TestOidcProvider.AuthorizationPath}\">"));
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is UserNameField or PasswordField || (string?)value is not { } text)
            {
                continue;
            }

            html.Append(FormattableString.Invariant($"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(text)}\">"));
        }

        html.Append(FormattableString.Invariant($"<p><label for=\"{UserNameField}\">User name</label> <input id=\"{UserNameField}\" name=\"{UserNameField}\" autocomplete=\"username\" required></p>"));
        html.Append(FormattableString.Invariant($"<p><label for=\"{PasswordField}\">Password</label> <input id=\"{PasswordField}\" name=\"{PasswordField}\" type=\"password\" autocomplete=\"current-password\" required></p>"));
        html.Append("<p><button type=\"submit\" id=\"sign-in\">Sign in</button></p></form></main></body></html>");
        return Results.Text(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
