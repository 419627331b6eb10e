using System.Diagnostics.Metrics;
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
        var own = new OwnMeters();
        services.AddSingleton(own);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("busflow", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BusFlowTelemetry.Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter();
                // Meters are process-wide, listened to by name: a process with several hosts (the tests) would
                // otherwise mix another host's database gauges and request durations into this one's.
                metrics.AddView(instrument => instrument.Meter.Scope is IMeterFactory other && own.Factory is { } factory && !ReferenceEquals(other, factory)
                    ? MetricStreamConfiguration.Drop
                    : null);
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
        app.Services.GetRequiredService<OwnMeters>().Factory = app.Services.GetRequiredService<IMeterFactory>();
        app.Services.GetRequiredService<DatabaseGauges>();
        app.MapBusFlowMetrics();
        return app;
    }

    /// <summary>This host's meter factory, which the metrics view keeps apart from other hosts' in the same process.</summary>
    private sealed class OwnMeters
    {
        public IMeterFactory? Factory { get; set; }
    }
}
