using System.Data.Common;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// What one of the engine's transactions sent to the database, in order: each statement's SQL and a copy of its
/// parameters as they were at execution. <see cref="Transactional"/> is false for statements sent outside a transaction.
/// </summary>
internal sealed record RecordedTransaction(bool Transactional, List<RecordedStatement> Statements)
{
    public bool RolledBack { get; set; }
}

internal sealed record RecordedStatement(string Sql, IReadOnlyList<DbParameter> Parameters);
