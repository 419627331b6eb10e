using Microsoft.AspNetCore.Localization;

namespace BusFlow.Web.Pages;

/// <summary>`?lang=en` or `?lang=sv`, as the mailed task pages take it; the choice is then kept in a cookie.</summary>
internal sealed class LanguageQueryCultureProvider : RequestCultureProvider
{
    public const string CookieName = "busflow-lang";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = httpContext.Request.Query["lang"].ToString() switch
        {
            "en" => "en-GB",
            "sv" => "sv-SE",
            _ => null,
        };
        if (culture is null)
        {
            return NullProviderCultureResult;
        }

        httpContext.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
    }
}
