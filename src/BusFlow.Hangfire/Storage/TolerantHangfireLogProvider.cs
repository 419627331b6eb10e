using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MicrosoftLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace BusFlow.Hangfire.Storage;

/// <summary>
/// Hangfire's logging is one setting for the whole process, which AddHangfire binds to the
/// ILoggerFactory of the host that resolved it last. Once that host stops, its factory is disposed:
/// this provider keeps that from failing whoever logs next (a job finishing during shutdown, or
/// another host in the same process, as in the tests) — such messages are dropped instead.
/// </summary>
public sealed class TolerantHangfireLogProvider(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new ForwardingLog(loggers.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Dropped.Instance;
        }
    }

    private sealed class ForwardingLog(ILogger logger) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = ToMicrosoft(logLevel);
            try
            {
                if (messageFunc is null || !logger.IsEnabled(level))
                {
                    return logger.IsEnabled(level);
                }

                logger.Log(level, default, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private static MicrosoftLogLevel ToMicrosoft(HangfireLogLevel level) => level switch
        {
            HangfireLogLevel.Trace => MicrosoftLogLevel.Trace,
            HangfireLogLevel.Debug => MicrosoftLogLevel.Debug,
            HangfireLogLevel.Info => MicrosoftLogLevel.Information,
            HangfireLogLevel.Warn => MicrosoftLogLevel.Warning,
            HangfireLogLevel.Error => MicrosoftLogLevel.Error,
            _ => MicrosoftLogLevel.Critical,
        };
    }

    private sealed class Dropped : ILog
    {
        public static readonly Dropped Instance = new();

        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
