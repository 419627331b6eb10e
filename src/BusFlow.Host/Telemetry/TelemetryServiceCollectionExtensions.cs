using BusFlow.Engine.Diagnostics;
using BusFlow.Host.Security;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BusFlow.Host.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry: the "BusFlow" meter (the engine's and mail's counters, the database gauges, job
    /// failures), ASP.NET Core's request durations and the runtime's metrics, for /metrics; traces of the
    /// "BusFlow" source and of requests (their paths with link secrets redacted). With an OTLP endpoint
    /// both go there as well.
    /// </summary>
    public static IServiceCollection AddBusFlowTelemetry(this IServiceCollection services, TelemetrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton<DatabaseGauges>();
        JobFailureCounter.Register();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("busflow", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BusFlowTelemetry.Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter();
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }
            })
            // Traced even without an exporter: requests then have the trace id that every log line of theirs carries.
            .WithTracing(tracing =>
            {
                tracing.AddSource(BusFlowTelemetry.Name).AddAspNetCoreInstrumentation(requests =>
                {
                    requests.Filter = http => !http.Request.Path.StartsWithSegments(MetricsEndpoint.Path, StringComparison.OrdinalIgnoreCase)
                        && !http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                    requests.EnrichWithHttpRequest = (span, request) =>
                    {
                        span.SetTag("url.path", SecretPaths.Redact(request.Path));
                        span.SetTag("url.query", null);
                    };
                });
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }
            });
        return services;
    }

    /// <summary>/metrics, and the database gauges created now so that the first scrape has them.</summary>
    public static WebApplication MapBusFlowTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<DatabaseGauges>();
        app.MapBusFlowMetrics();
        return app;
    }
}
