using System.Diagnostics;

namespace BusFlow.Host.Security;

/// <summary>
/// One log line per request at Information (method, path with its secrets redacted, status,
/// elapsed time) in place of ASP.NET Core's own request lines, which write the whole path — a
/// task link's secret included — and put it in the scope of every other line of the request.
/// </summary>
public static class RequestLogging
{
    /// <summary>BusFlow's request line.</summary>
    public const string Category = "BusFlow.Host.Requests";

    /// <summary>ASP.NET Core's "Request starting … /t/SECRET" and the request scope with the path.</summary>
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Silences <see cref="HostingCategory"/> for every logger provider, after the configuration's
    /// rules, so that no Logging:LogLevel setting brings the unredacted lines back.
    /// </summary>
    public static ILoggingBuilder AddBusFlowRequestLog(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.Services.PostConfigure<LoggerFilterOptions>(SilenceHostingDiagnostics);
        return logging;
    }

    /// <summary>Writes the request line when the response is done; put first, so the time covers the whole pipeline.</summary>
    public static WebApplication UseBusFlowRequestLog(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                logger.LogInformation("{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0} ms",
                    http.Request.Method, SecretPaths.Redact(http.Request.Path), http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        return app;
    }

    private static void SilenceHostingDiagnostics(LoggerFilterOptions options)
    {
        // A rule naming the category (or a longer pattern that matches it) would outrank a general one: drop those.
        var overriding = options.Rules
            .Where(rule => rule.CategoryName is { } category && category.Contains("Hosting.Diagnostics", StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var rule in overriding)
        {
            options.Rules.Remove(rule);
        }

        // A provider-specific rule outranks one for all providers, so each named provider gets its own.
        foreach (var provider in options.Rules.Select(rule => rule.ProviderName).Append(null).Distinct().ToList())
        {
            options.Rules.Add(new LoggerFilterRule(provider, HostingCategory, LogLevel.None, filter: null));
        }
    }
}
