using System.Security.Claims;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace BusFlow.Host.Telemetry;

public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>
    /// GET /metrics, Prometheus' text format: for a signed-in administrator (a session, or an API token as a bearer), or without
    /// signing in from the addresses in BusFlow:Telemetry:MetricsAllowedFrom (the scraper's). Anyone else
    /// signed out is asked to sign in, and anyone else signed in is refused.
    /// </summary>
    public static void MapBusFlowMetrics(this IEndpointRouteBuilder app)
    {
        var settings = app.ServiceProvider.GetRequiredService<TelemetrySettings>();
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            if (settings.MayScrapeFrom(http.Connection.RemoteIpAddress))
            {
                await next(http);
                return;
            }

            // A scraper may sign in as Prometheus does (authorization: credentials: TOKEN); the session elsewhere.
            var (user, scheme) = ApiTokenAuthenticationHandler.BearerOf(http.Request) is null
                ? (http.User, null)
                : ((await http.AuthenticateAsync(ApiTokenAuthenticationHandler.SchemeName)).Principal ?? new ClaimsPrincipal(new ClaimsIdentity()),
                    ApiTokenAuthenticationHandler.SchemeName);
            if ((await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, BusFlowPolicies.Administrator)).Succeeded)
            {
                await next(http);
            }
            else if (user.Identity?.IsAuthenticated == true)
            {
                await http.ForbidAsync(scheme);
            }
            else
            {
                await http.ChallengeAsync(scheme);
            }
        }), optionsName: null)
            // Not the fallback policy's sign-in: the scraper's address is let through above, everyone else as the rule says.
            .AllowAnonymous();
    }
}
