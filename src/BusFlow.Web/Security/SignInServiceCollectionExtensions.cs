using BusFlow.Accounts;
using BusFlow.Storage;
using BusFlow.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace BusFlow.Web.Security;

public static class SignInServiceCollectionExtensions
{
    /// <summary>The "BusFlow" scheme chooses the API token handler for an API request with a Bearer header and the session cookie otherwise.</summary>
    public const string DefaultScheme = "BusFlow";

    /// <summary>
    /// ASP.NET Core Identity on BusFlow's database (NIST SP 800-63B passwords: length, no composition rules;
    /// lockout; TOTP), the session cookie, personal API tokens, OpenID Connect when configured, and the
    /// authorization policies with a fallback that closes every endpoint not opened on purpose.
    /// </summary>
    public static IServiceCollection AddBusFlowSignIn(this IServiceCollection services, SignInSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddBusFlowAccountStorage();
        services.AddIdentityCore<BusFlowUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BusFlowDbContext>()
            .AddClaimsPrincipalFactory<BusFlowClaimsPrincipalFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // The session and the 2FA step keep BusFlow's time. Not the OpenID Connect correlation cookies: a browser
        // drops a cookie whose Expires lies behind its own clock, as a virtual clock's may.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IClock>((options, clock) => options.TimeProvider = new ClockTimeProvider(clock));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .Configure<IClock>((options, clock) => options.TimeProvider = new ClockTimeProvider(clock));
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IClock>((options, clock) => options.TimeProvider = new ClockTimeProvider(clock));
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            // "Sign out everywhere" and a disabled account end other sessions within a minute.
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = context =>
            {
                SessionCookies.KeepSignInClaims(context);
                return Task.CompletedTask;
            };
        });

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = DefaultScheme;
            options.DefaultChallengeScheme = DefaultScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddPolicyScheme(DefaultScheme, "Session or API token", options =>
            // Tokens are for the API; the pages (and their forms) take only the session.
            options.ForwardDefaultSelector = http => ApiRequests.IsApi(http.Request) && ApiTokenAuthenticationHandler.BearerOf(http.Request) is not null
                ? ApiTokenAuthenticationHandler.SchemeName
                : IdentityConstants.ApplicationScheme);
        authentication.AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        authentication.AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie?.Configure(options => SessionCookies.Configure(options, settings));
            cookies.ExternalCookie?.Configure(options =>
            {
                options.Cookie.Name = "busflow-external";
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
            cookies.TwoFactorUserIdCookie?.Configure(options =>
            {
                options.Cookie.Name = "busflow-2fa";
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        });
        if (settings.Oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(OidcSettings.Scheme, settings.Oidc.DisplayName, options => OidcSignIn.Configure(options, settings.Oidc));
        }

        BusFlowPolicies.Add(services.AddAuthorizationBuilder(), settings);
        return services;
    }
}
