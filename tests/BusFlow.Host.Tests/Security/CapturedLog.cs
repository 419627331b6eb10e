using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace BusFlow.Host.Tests.Security;

/// <summary>
/// A logger provider that keeps every line a host writes, with its exception and every scope it
/// was written in (as a JSON console with scopes, or a log collector, would keep them).
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public string Text => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => log._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line.Append(" {").AppendJoin(", ", values.Select(v => $"{v.Key}={v.Value}")).Append('}');
            }

            log._scopes.ForEachScope((scope, text) => text.Append(" => ").Append(Describe(scope)), line);
            if (exception is not null)
            {
                line.Append('\n').Append(exception);
            }

            log._lines.Enqueue(line.ToString());
        }

        private static string Describe(object? scope) =>
            scope is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"))
                : scope?.ToString() ?? "";
    }
}
