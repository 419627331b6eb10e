using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// Records the statements EF Core sends, with their transactions, from EF Core's diagnostic events: what the engine
/// asked of the database, to be replayed without it (<see cref="StatementReplay"/>). It records for one client at a
/// time: <see cref="Record"/> names the operation that the statements from then on belong to. The events are the
/// process's, so it hears only contexts on the engine's connection string: nothing another part of the process (or
/// another test) sends is recorded or disturbed.
/// </summary>
internal sealed class StatementRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string Executing = RelationalEventId.CommandExecuting.Name!;
    private static readonly string Started = RelationalEventId.TransactionStarted.Name!;
    private static readonly string Committed = RelationalEventId.TransactionCommitted.Name!;
    private static readonly string RolledBack = RelationalEventId.TransactionRolledBack.Name!;

    private readonly List<IDisposable> _subscriptions = [];
    private readonly Dictionary<int, List<RecordedTransaction>> _operations = [];
    private readonly string _connectionString;
    private List<RecordedTransaction>? _current;
    private RecordedTransaction? _open;

    private StatementRecorder(string connectionString) => _connectionString = connectionString;

    /// <summary>Records what contexts on <paramref name="connectionString"/> send, once <see cref="Record"/> names an operation.</summary>
    public static StatementRecorder Start(string connectionString)
    {
        var recorder = new StatementRecorder(connectionString);
        recorder._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(recorder));
        return recorder;
    }

    /// <summary>The transactions of each recorded operation, by its number.</summary>
    public IReadOnlyDictionary<int, List<RecordedTransaction>> Operations => _operations;

    /// <summary>From now on, what is sent belongs to operation <paramref name="operation"/>.</summary>
    public void Record(int operation)
    {
        _current = [];
        _open = null;
        _operations[operation] = _current;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(value.Subscribe(this, name => name == Executing || name == Started || name == Committed || name == RolledBack));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (_current is null || value.Value is not DbContextEventData { Context: { } context } || context.Database.GetConnectionString() != _connectionString)
        {
            return;
        }

        if (value.Key == Started)
        {
            _open = new RecordedTransaction(true, []);
            _current.Add(_open);
        }
        else if (value.Key == Committed || value.Key == RolledBack)
        {
            if (_open is not null)
            {
                _open.RolledBack = value.Key == RolledBack;
                _open = null;
            }
        }
        else if (value.Value is CommandEventData executing)
        {
            var statement = new RecordedStatement(executing.Command.CommandText, [.. executing.Command.Parameters.Cast<DbParameter>().Select(Copy)]);
            if (_open is null)
            {
                _current.Add(new RecordedTransaction(false, [statement]));
            }
            else
            {
                _open.Statements.Add(statement);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
    }

    /// <summary>A parameter can belong to one command only; the provider's own copy keeps its database type (jsonb, timestamptz).</summary>
    public static DbParameter Copy(DbParameter parameter) =>
        parameter is ICloneable cloneable ? (DbParameter)cloneable.Clone() : throw new NotSupportedException($"{parameter.GetType().Name} cannot be copied.");
}
