using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BusFlow.Testing;

/// <summary>
/// A PostgreSQL cluster of one test's own (initdb in a temporary folder, on a free loopback port,
/// fsync on as in production), which the test may stop and start again — a database outage —
/// without touching the cluster the other tests share. The server binaries come from
/// <see cref="BinariesVariable"/> (set by ./test.sh). As root the server runs as the postgres
/// system user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string BinariesVariable = "BUSFLOW_TEST_PG_BIN";

    private readonly string _binaries;
    private readonly string _folder;

    private PostgresCluster(string binaries, string folder, int port)
    {
        _binaries = binaries;
        _folder = folder;
        Port = port;
        ServerConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Include Error Detail=true";
    }

    public int Port { get; }

    /// <summary>The superuser's connection string (trust authentication) to the "postgres" database.</summary>
    public string ServerConnectionString { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    private string LogFile => Path.Combine(_folder, "postgres.log");

    /// <summary>A new cluster, initialised and started.</summary>
    public static async Task<PostgresCluster> StartNewAsync()
    {
        var binaries = Environment.GetEnvironmentVariable(BinariesVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{BinariesVariable} is not set: run ./test.sh, which finds PostgreSQL's server binaries (initdb, pg_ctl)");
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.Combine(folder, "socket"));
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:", folder], asPostgres: false, folder);
        }

        var cluster = new PostgresCluster(binaries, folder, FreePort());
        // --no-sync only spares initdb's own final flush; the running server keeps fsync on.
        await cluster.RunToolAsync("initdb", ["-D", cluster.DataFolder, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--no-locale", "--no-sync"]);
        await File.AppendAllTextAsync(Path.Combine(cluster.DataFolder, "postgresql.conf"), $"""

            # Added by PostgresCluster: one test's own cluster on loopback only.
            listen_addresses = '127.0.0.1'
            port = {cluster.Port}
            unix_socket_directories = '{Path.Combine(folder, "socket")}'
            max_connections = 200
            fsync = on

            """);
        await cluster.StartAsync();
        return cluster;
    }

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public Task StartAsync() =>
        RunToolAsync("pg_ctl", ["start", "-D", DataFolder, "-l", LogFile, "-w", "-t", "60"]);

    /// <summary>
    /// Stops the server as an operator's "pg_ctl stop -m fast" does: every connection is ended
    /// at once and every new one refused until <see cref="StartAsync"/>.
    /// </summary>
    public async Task StopAsync()
    {
        await RunToolAsync("pg_ctl", ["stop", "-D", DataFolder, "-m", "fast", "-w", "-t", "60"]);
        // This process's idle connections to the cluster are dead now: none may be handed out again after the start.
        using var server = new NpgsqlConnection(ServerConnectionString);
        NpgsqlConnection.ClearPool(server);
    }

    /// <summary>A new, empty database on this cluster, dropped on its dispose.</summary>
    public Task<PostgresTestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        PostgresTestDatabase.CreateOnAsync(ServerConnectionString, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["stop", "-D", DataFolder, "-m", "immediate", "-w"]);
            }
            catch (InvalidOperationException)
            {
                // Already stopping or stopped: the folder goes anyway.
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments) =>
        RunAsync(Path.Combine(_binaries, tool), arguments, asPostgres: IsRoot, _folder, LogFile);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, string workingFolder, string? logFile = null)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            // The server must not sit in a folder (such as /root/...) that the postgres user cannot enter.
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = logFile is not null && File.Exists(logFile) ? await File.ReadAllTextAsync(logFile) : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}{log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
