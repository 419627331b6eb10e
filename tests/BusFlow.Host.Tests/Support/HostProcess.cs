using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Support;

/// <summary>
/// The built busflow executable running as its own process, configured by environment variables,
/// so that a test can kill it the way a power cut or an OOM killer would.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <summary>Whether the process has ended (crashed, or was killed).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote to its console so far (standard output and error), line by line.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public static Task<HostProcess> StartAsync(TestDatabase database, string workflowsFolder, string jobStorage, int port)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        return StartAsync(database, workflowsFolder, address, new Dictionary<string, string?>
        {
            ["BusFlow:Urls"] = address.ToString().TrimEnd('/'),
            ["BusFlow:Jobs:Storage"] = jobStorage,
            ["BusFlow:Jobs:SweepCron"] = "* * * * *",
        });
    }

    /// <summary>
    /// `busflow serve` with the test settings and <paramref name="settings"/> (as BusFlow__… environment
    /// variables), the raw <paramref name="environment"/> variables and the <paramref name="arguments"/>
    /// after "serve"; started once /health answers at <paramref name="address"/>.
    /// </summary>
    public static async Task<HostProcess> StartAsync(
        TestDatabase database,
        string workflowsFolder,
        Uri address,
        IReadOnlyDictionary<string, string?> settings,
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? arguments = null,
        bool signInAsAdministrator = true)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", HostAssembly(), "serve" },
            WorkingDirectory = workflowsFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in RunningHost.Settings(database, workflowsFolder, settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("busflow did not start.");
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync();
        if (!signInAsAdministrator)
        {
            return host;
        }

        // Migrated by the host now: sign the client in as an administrator, as an operator would with `busflow users add`.
        host.Client.DefaultRequestHeaders.Authorization = new("Bearer", await TestAccounts.AdministratorTokenInAsync(database));
        return host;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>Ends the process at once: no graceful shutdown, no flushing, like a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"busflow exited with code {_process.ExitCode} before it was healthy.");
            }

            try
            {
                if ((await Client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("busflow did not become healthy within 90 seconds.");
    }

    /// <summary>The busflow.dll built in the same configuration as these tests.</summary>
    private static string HostAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepositoryRoot.Path, "src", "BusFlow.Host", "bin", configuration, "net10.0", "busflow.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first.", path);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}
