using System.Text.Json.Nodes;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Cli;

/// <summary>
/// `busflow simulate --demo` past the end of the demo's meeting plans (2031): the secretaries are asked
/// for next year's plan each autumn, the simulated ones enter it, and the boards go on deciding.
/// </summary>
public sealed class SimulateMeetingPlansTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["BusFlow:Workflows:Folder"] = Path.Combine(RepositoryRoot.Path, "workflows"),
        ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
    };

    private static readonly Lazy<Task<List<JsonObject>>> PastThePlans = new(async () =>
    {
        var run = await CliRun.RunAsync(["simulate", "--demo", "--from", "2026-01-01", "--to", "2033-01-01", "--json"], Settings);
        Assert.True(run.ExitCode == 0, run.Error);
        return run.OutputLines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    });

    [Fact]
    public async Task Past_the_end_of_the_demos_meeting_plans_nothing_faults_and_every_board_decides_in_2032()
    {
        var events = await PastThePlans.Value;

        Assert.DoesNotContain(events, e => (string?)e["kind"] == "faulted");
        var decided2032 = events.Where(e => (string?)e["kind"] == "decision" && ((string?)e["local"])!.StartsWith("2032-", StringComparison.Ordinal))
            .Select(e => (string?)e["board"]).Order(StringComparer.Ordinal);
        Assert.Equal(["bun", "kun", "sn"], decided2032);
    }

    [Fact]
    public async Task On_1_September_2031_each_party_boards_secretary_is_asked_for_the_2032_plan_once()
    {
        var events = await PastThePlans.Value;

        var asked = events.Where(e => (string?)e["kind"] == "taskCreated" && (string?)e["activity"] == "enterPlan" && ((string?)e["subject"])!.Contains("2032", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                ("2031-09-01 08:00", "Lägg in sammanträdesplanen 2032 för BUN", "johan.forsberg@exempelby.test"),
                ("2031-09-01 08:00", "Lägg in sammanträdesplanen 2032 för KUN", "elin.norrby@exempelby.test"),
                ("2031-09-01 08:00", "Lägg in sammanträdesplanen 2032 för SN", "maria.holmgren@exempelby.test"),
            ],
            asked.Select(e => ((string?)e["local"], (string?)e["subject"], (string?)e["recipient"])).Order());
    }
}
