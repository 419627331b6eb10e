using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace BusFlow.Testing.Mail;

/// <summary>
/// A real SMTP server: aiosmtpd on a free loopback port (the python of BUSFLOW_TEST_PYTHON, set by
/// ./test.sh) with eml_sink.py, which saves every message it accepts to a folder read back here.
/// </summary>
public sealed class AiosmtpdServer : IAsyncDisposable
{
    public const string PythonVariable = "BUSFLOW_TEST_PYTHON";

    private readonly Process _process;
    private readonly string _folder;

    private AiosmtpdServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>
    /// The server on a free port, or on <paramref name="port"/>; it takes <paramref name="perMessage"/>
    /// over each message before it accepts it (default: no time), as a busy relay would.
    /// </summary>
    public static async Task<AiosmtpdServer> StartAsync(int? port = null, TimeSpan? perMessage = null)
    {
        var python = Environment.GetEnvironmentVariable(PythonVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PythonVariable} is not set: run ./test.sh, which finds a python3 that can 'import aiosmtpd' (package python3-aiosmtpd)");
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-smtp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var listenPort = port ?? FreePort();
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{listenPort}", "-c", "eml_sink.SaveToFolder", folder },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (perMessage is { } seconds)
        {
            start.ArgumentList.Add(seconds.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Mail");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python} -m aiosmtpd.");
        var server = new AiosmtpdServer(process, folder, listenPort);
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode}: {await stderr}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, listenPort);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>The messages received so far, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        [.. Directory.GetFiles(_folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    /// <summary>The raw text of the messages received so far.</summary>
    public IReadOnlyList<string> ReceivedRaw() =>
        [.. Directory.GetFiles(_folder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
