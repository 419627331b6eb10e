using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using BusFlow.Web.Accounts;
using BusFlow.Web.Pages;
using BusFlow.Web.Pages.Instances;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;

namespace BusFlow.Web;

public static class WebServiceCollectionExtensions
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Sign-in, the authorization policies, the account services and the Razor Pages, Swedish first.</summary>
    public static IServiceCollection AddBusFlowWeb(this IServiceCollection services, SignInSettings settings)
    {
        services.AddBusFlowSignIn(settings);
        services.Configure<RateLimiterOptions>(options => SignInRateLimit.Add(options, settings));
        services.AddScoped<AccountAdministration>();
        services.AddScoped<FirstAdministrator>();
        services.AddSingleton<AccountScopes>();
        services.AddSingleton<VisibleAgreements>();
        services.AddSingleton<Wheel.WheelReader>();
        services.AddSingleton<VisiblePeople>();
        services.AddSingleton<Pages.Bodies.BodyFormSubmit>();
        services.AddSingleton<AuditTrail>();
        services.TryAddSingleton(new LateTimerSettings());
        services.AddSingleton<LateTimerWatch>();
        services.AddSingleton<ApiTokenIssuer>();
        services.AddLocalization();
        // Swedish text as it is written (å, ä, ö), not as numeric character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Swedish);
            options.SupportedCultures = [Swedish, English];
            options.SupportedUICultures = [Swedish, English];
            options.RequestCultureProviders = [new LanguageQueryCultureProvider(), new CookieRequestCultureProvider { CookieName = LanguageQueryCultureProvider.CookieName }];
        });
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new PageHeadersFilter());
            options.Conventions.ConfigureFilter(new UnknownHandlerFilter());
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
            options.Conventions.AllowAnonymousToPage("/Account/External");
            options.Conventions.AllowAnonymousToPage("/Account/Denied");
            options.Conventions.AllowAnonymousToPage("/Setup/Index");
        });
        return services;
    }
}
