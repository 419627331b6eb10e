using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BusFlow.Notifications.Delivery;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// Mail to a real SMTP server on this machine (aiosmtpd, which accepts and drops every message):
/// task mails written to the outbox by starts, then delivered by the outbox delivery a node runs.
/// </summary>
internal static class MailThroughput
{
    private const string Title = "Mail: outbox delivery to a local SMTP server";

    public static async Task<BenchmarkSection> RunAsync(PlatformBenchmarkOptions options, CancellationToken ct)
    {
        if (options.TemplatesFolder is null)
        {
            return BenchmarkSection.Skip(PlatformBenchmarkOptions.Mail, Title, "skipped: no templates folder, so no task mail is written");
        }

        if (FindPython() is not { } python)
        {
            return BenchmarkSection.Skip(PlatformBenchmarkOptions.Mail, Title, "skipped: no SMTP server (no python3 with aiosmtpd)");
        }

        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink", "-l", $"127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("The SMTP server did not start.");
        try
        {
            await WaitForAsync(port, ct);
            var mail = new MailOptions { Mode = MailOptions.SmtpMode, Host = "127.0.0.1", Port = port, Security = "None" };
            await using var engine = await EngineServices.StartAsync(options, mail, ct);
            var run = Guid.NewGuid().ToString("N")[..8];
            await LoadRound.RunAsync(options.Mails, options.Clients, i => engine.StartAsync($"{run}-mail{i}", i, ct));
            var delivery = engine.Services.GetRequiredService<OutboxDelivery>();
            // Task mail waits for office hours (next morning, or Monday): the virtual clock goes past them.
            engine.Clock.Advance(NodaTime.Duration.FromDays(4));
            var watch = Stopwatch.StartNew();
            var report = new DeliveryReport(0, 0, 0, 0);
            while (true)
            {
                var batch = await delivery.DeliverDueAsync(ct);
                report += batch;
                if (batch.Sent + batch.Retrying + batch.Failed + batch.Withdrawn == 0)
                {
                    break;
                }
            }

            watch.Stop();
            return new BenchmarkSection(PlatformBenchmarkOptions.Mail, Title, new Dictionary<string, double>
            {
                ["sent"] = report.Sent,
                ["failed"] = report.Failed + report.Retrying,
                ["mailsPerSecond"] = report.Sent / watch.Elapsed.TotalSeconds,
            },
            $"{options.Mails} task mails written by starts, then the outbox delivered, with every other mail the run wrote (claimed 50 at a time, sent one by one over one connection, each recorded right behind its send) to aiosmtpd on 127.0.0.1 with its Sink handler.");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>A python3 that has aiosmtpd: the one the tests are given, Debian's, or the first on the path.</summary>
    private static string? FindPython()
    {
        string?[] candidates = [Environment.GetEnvironmentVariable("BUSFLOW_TEST_PYTHON"), "/usr/bin/python3", "python3"];
        foreach (var candidate in candidates.OfType<string>().Where(c => c.Length > 0))
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, UseShellExecute = false });
                if (probe is not null && probe.WaitForExit(TimeSpan.FromSeconds(20)) && probe.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not there: try the next.
            }
        }

        return null;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitForAsync(int port, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, ct);
                return;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100, ct);
            }
        }
    }
}
