using BusFlow.Host.Security;

namespace BusFlow.Host.Pages;

public static class PageServiceCollectionExtensions
{
    /// <summary>
    /// The pages' services: the renderer, answers by link, antiforgery with data-protection keys in
    /// the database (so every node accepts every node's forms) encrypted with <paramref name="certificates"/>,
    /// the rate limit on the link pages (per client, per link and per code), and error pages instead of JSON outside /api.
    /// </summary>
    public static IServiceCollection AddBusFlowPages(this IServiceCollection services, LinkRequestLimits limits, DataProtectionCertificates certificates)
    {
        services.AddSingleton<PageRenderer>();
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
            options.GlobalLimiter = LinkRateLimiter.Create(limits);
            options.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                var page = TaskLinkEndpoints.Message(http, http.RequestServices.GetRequiredService<PageRenderer>(), PageLanguage.Of(http), "limited", StatusCodes.Status429TooManyRequests);
                http.Response.Headers.RetryAfter = "60";
                return new ValueTask(page.ExecuteAsync(http));
            };
        });
        // Problem details go to the first writer that can write them: this one must come before the
        // default JSON writer, whichever of the API and the pages registered first.
        var firstWriter = services.TakeWhile(d => d.ServiceType != typeof(IProblemDetailsWriter)).Count();
        services.Insert(firstWriter, ServiceDescriptor.Singleton<IProblemDetailsWriter, PageProblemWriter>());
        return services;
    }

    /// <summary>The pages' middleware: rate limits and antiforgery (after sign-in, which antiforgery tokens are bound to).</summary>
    public static WebApplication UseBusFlowPageGuards(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCodeFormsReadForRateLimit();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The pages opened by a mailed link: open by design, the link is the credential.</summary>
    public static WebApplication MapBusFlowPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapTaskLinkPages();
        app.MapShortcomingLinkPages();
        app.MapOtherPages();
        return app;
    }
}
