using System.Text.Json;

namespace BusFlow.Host.Telemetry;

/// <summary>BusFlow:Logging:Format: "text" (the default, for people) or "json" (one object per line, for log collectors).</summary>
public static class LogFormat
{
    public const string Key = "BusFlow:Logging:Format";
    public const string Text = "text";
    public const string Json = "json";

    public static bool IsJson(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[Key] switch
        {
            null or "" => false,
            var format when string.Equals(format, Text, StringComparison.OrdinalIgnoreCase) => false,
            var format when string.Equals(format, Json, StringComparison.OrdinalIgnoreCase) => true,
            var format => throw new InvalidOperationException($"{Key} '{format}' is not a log format: write \"{Text}\" or \"{Json}\"."),
        };
    }

    /// <summary>
    /// The console in the configured format; every line carries the trace and span id of its request (in
    /// the scope), so that a line can be found from a trace and back.
    /// </summary>
    public static ILoggingBuilder AddBusFlowLogFormat(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (IsJson(configuration))
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }

        return logging;
    }
}
