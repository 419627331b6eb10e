using Microsoft.Data.Sqlite;
using Npgsql;

namespace BusFlow.Storage;

/// <summary>
/// A database that refuses every write for a reason of the machine, not of the request — its disk is
/// full, or it is read-only — told in a sentence an operator can act on. The transaction it refused
/// was rolled back whole, so the sentence can promise that nothing was changed.
/// </summary>
public static class DatabaseWriteRefusal
{
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;
    private const int NoSpaceLeft = 28;
    private const int ReadOnlyFilesystem = 30;
    private const string PostgresDiskFull = "53100";
    private const string PostgresReadOnlyTransaction = "25006";

    public const string DiskFull =
        "The database could not save this: the disk it is on is full. Nothing was changed. Ask the operator to free space, then try again.";

    public const string ReadOnly =
        "The database could not save this: it is read-only just now. Nothing was changed. Ask the operator to make it writable again, then try again.";

    /// <summary>
    /// The refusal <paramref name="exception"/> (or one it wraps) is, or null when it is not such a refusal.
    /// SQLite often says only "disk I/O error" or "unable to open database file" (its write-ahead log could
    /// not grow, or could not be opened for writing): then the folder of its file is tried, to tell which.
    /// </summary>
    public static WriteRefusal? Explain(Exception exception, StorageOptions? storage)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case SqliteException { SqliteErrorCode: SqliteFull }:
                case PostgresException { SqlState: PostgresDiskFull }:
                    return new WriteRefusal(WriteRefusalKind.DiskFull);
                case SqliteException { SqliteErrorCode: SqliteReadOnly }:
                case PostgresException { SqlState: PostgresReadOnlyTransaction }:
                    return new WriteRefusal(WriteRefusalKind.ReadOnly);
                case SqliteException { SqliteErrorCode: SqliteIoError or SqliteCannotOpen } when storage is { IsSqlite: true }:
                    return ProbeFolderOf(new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource);
            }
        }

        return null;
    }

    /// <summary>Writes a little to a file beside the database and deletes it: the disk's own answer.</summary>
    private static WriteRefusal? ProbeFolderOf(string databaseFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databaseFile));
        if (folder is null)
        {
            return null;
        }

        var probe = Path.Combine(folder, $".busflow-write-probe-{Guid.NewGuid():N}");
        try
        {
            using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.WriteThrough))
            {
                file.Write(new byte[64 * 1024]);
                file.Flush(flushToDisk: true);
            }

            File.Delete(probe);
            return null;
        }
        catch (IOException ex) when ((ex.HResult & 0xFFFF) == NoSpaceLeft)
        {
            TryDelete(probe);
            return new WriteRefusal(WriteRefusalKind.DiskFull);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException || (ex is IOException && (ex.HResult & 0xFFFF) == ReadOnlyFilesystem))
        {
            return new WriteRefusal(WriteRefusalKind.ReadOnly);
        }
        catch (IOException)
        {
            TryDelete(probe);
            return null;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // The probe stays behind on a failing disk: one empty file, harmless.
        }
    }
}
