using System.Text.Json;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Telemetry;

/// <summary>`busflow serve` with BusFlow:Logging:Format json, as a log collector reads its console.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task With_json_logs_every_console_line_is_one_JSON_object_request_lines_carry_their_trace_id_and_no_link_secret_is_written()
    {
        const string secret = "bfl_Secret0fATaskLinkThatMustNotBeLogged";
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        var port = HostProcess.FreePort();
        await using var host = await HostProcess.StartAsync(database, workflows.Folder, new Uri($"http://127.0.0.1:{port}"), new Dictionary<string, string?>
        {
            ["BusFlow:Urls"] = $"http://127.0.0.1:{port}",
            ["BusFlow:Logging:Format"] = "json",
            ["Logging:LogLevel:Default"] = "Information",
        }, signInAsAdministrator: false);

        await host.Client.GetAsync($"/t/{secret}");
        await host.Client.GetAsync("/health/ready");
        var lines = await LinesAsync(host);

        Assert.NotEmpty(lines);
        var objects = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(objects, entry => Assert.Equal(JsonValueKind.Object, entry.ValueKind));
        var request = Assert.Single(objects, entry => entry.GetProperty("Category").GetString() == "BusFlow.Host.Requests"
            && entry.GetProperty("Message").GetString()!.Contains("/t/[redacted]", StringComparison.Ordinal));
        Assert.Contains(request.GetProperty("Scopes").EnumerateArray(), scope =>
            scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out var trace) && trace.GetString()!.Length == 32);
        Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("/installera/", StringComparison.Ordinal));
        Assert.Contains(objects, entry => entry.GetProperty("Message").GetString()!.Contains("busflow users add", StringComparison.Ordinal));
    }

    /// <summary>The lines written so far, once the two requests' lines have come through the pipe.</summary>
    private static async Task<List<string>> LinesAsync(HostProcess host)
    {
        for (var waited = 0; ; waited += 100)
        {
            var lines = host.Output.Where(line => line.Length > 0).ToList();
            if ((lines.Any(line => line.Contains("/t/[redacted]", StringComparison.Ordinal)) && lines.Any(line => line.Contains("/health/ready", StringComparison.Ordinal)))
                || waited > 10_000)
            {
                return lines;
            }

            await Task.Delay(100);
        }
    }
}
