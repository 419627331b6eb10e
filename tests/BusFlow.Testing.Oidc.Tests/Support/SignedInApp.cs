using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace BusFlow.Testing.Oidc.Tests.Support;

/// <summary>
/// A tiny ASP.NET Core application on Kestrel at a free loopback port that signs its users in with
/// cookies and ASP.NET Core's OpenID Connect client against a <see cref="TestOidcProvider"/>.
/// GET /me needs a signed-in user and answers with their claims; GET /signout signs out at both ends.
/// </summary>
internal sealed class SignedInApp : IAsyncDisposable
{
    public const string AdministratorsGroup = "busflow-admins";

    private readonly WebApplication _app;

    private SignedInApp(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    public Uri Address { get; }

    public static async Task<SignedInApp> StartAsync(TestOidcProvider provider)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SignedInApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect(options => OidcClientSettings.Apply(options, provider));
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => Results.Text("home"));
        app.MapGet("/me", (ClaimsPrincipal user) => Results.Json(new SignedInUser(
            user.FindFirstValue("sub"),
            user.FindFirstValue("email"),
            user.Identity?.Name,
            [.. user.FindAll(TestOidcProvider.GroupsClaim).Select(c => c.Value)],
            user.IsInRole(AdministratorsGroup)))).RequireAuthorization();
        app.MapGet("/signout", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        await app.StartAsync();
        return new SignedInApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
