using System.Threading.RateLimiting;
using BusFlow.Host.Security;
using BusFlow.Notifications.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BusFlow.Host.Pages;

public static class PageServiceCollectionExtensions
{
    /// <summary>
    /// The pages' services: the renderer, answers by link, antiforgery with data-protection keys in
    /// the database (so every node accepts every node's forms) encrypted with <paramref name="certificates"/>,
    /// and a per-client rate limit on /t/.
    /// </summary>
    public static IServiceCollection AddBusFlowPages(this IServiceCollection services, int linkRequestsPerMinute, DataProtectionCertificates certificates)
    {
        services.AddSingleton<PageRenderer>();
        services.Replace(ServiceDescriptor.Singleton<IDeliveryTrigger, HangfireDeliveryTrigger>());
        services.AddBusFlowDataProtection(certificates);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "busflow-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__antiforgery";
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(TaskLinkEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = linkRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                var page = TaskLinkEndpoints.Message(http, http.RequestServices.GetRequiredService<PageRenderer>(), PageLanguage.Of(http), "limited", StatusCodes.Status429TooManyRequests);
                http.Response.Headers.RetryAfter = "60";
                return new ValueTask(page.ExecuteAsync(http));
            };
        });
        return services;
    }

    /// <summary>The pages' middleware and endpoints.</summary>
    public static WebApplication UseBusFlowPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapTaskLinkPages();
        app.MapOtherPages();
        return app;
    }
}
