using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using MicrosoftLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace BusFlow.Storage.Jobs;

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
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
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

        private static MicrosoftLogLevel ToMicrosoft(Hangfire.Logging.LogLevel level) => level switch
        {
            Hangfire.Logging.LogLevel.Trace => MicrosoftLogLevel.Trace,
            Hangfire.Logging.LogLevel.Debug => MicrosoftLogLevel.Debug,
            Hangfire.Logging.LogLevel.Info => MicrosoftLogLevel.Information,
            Hangfire.Logging.LogLevel.Warn => MicrosoftLogLevel.Warning,
            Hangfire.Logging.LogLevel.Error => MicrosoftLogLevel.Error,
            _ => MicrosoftLogLevel.Critical,
        };
    }

    private sealed class Dropped : ILog
    {
        public static readonly Dropped Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
