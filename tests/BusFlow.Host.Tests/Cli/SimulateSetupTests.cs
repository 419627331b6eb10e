using System.Text.Json.Nodes;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Cli;

/// <summary>`busflow simulate --setup`: an example collaboration imported into a throwaway database and run over a mandate on the virtual clock.</summary>
public sealed class SimulateSetupTests
{
    private static readonly IReadOnlyDictionary<string, string?> Settings = SimulateCli.ShippedFolders;

    private static string Example(string name) => Path.Combine(RepositoryRoot.Path, "examples", name);

    [Fact]
    public async Task The_spring_and_autumn_example_runs_its_mandate_with_each_meeting_and_decision_on_its_day()
    {
        var run = await CliRun.RunAsync(["simulate", "--setup", Example("angsby-spring-and-autumn.yaml"), "--from", "2026-12-01", "--to", "2031-01-02", "--json"], Settings);

        Assert.True(run.ExitCode == 0, run.Error);
        var events = run.OutputLines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        var invitations = events
            .Where(e => (string?)e["kind"] == "mail" && (string?)e["mail"]!["calendarMethod"] == "REQUEST")
            .GroupBy(e => ((string?)e["local"], (string?)e["subject"]))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Select(e => (string?)e["recipient"]).Distinct().Count()))
            .ToList();
        Assert.Equal(
            [
                ("2027-02-01 08:00", "Inbjudan: Vårmöte BUS 2027 15 april 2027", 9),
                ("2027-08-17 08:00", "Inbjudan: Höstmöte BUS 2027 6 oktober 2027", 9),
                ("2028-02-01 08:00", "Inbjudan: Vårmöte BUS 2028 18 april 2028", 9),
                ("2028-08-17 08:00", "Inbjudan: Höstmöte BUS 2028 6 oktober 2028", 9),
                ("2029-02-01 08:00", "Inbjudan: Vårmöte BUS 2029 16 april 2029", 9),
                ("2029-08-17 08:00", "Inbjudan: Höstmöte BUS 2029 8 oktober 2029", 9),
                ("2030-02-01 08:00", "Inbjudan: Vårmöte BUS 2030 15 april 2030", 9),
                // 17 August 2030 is a Saturday: the autumn starts on the Monday.
                ("2030-08-19 08:00", "Inbjudan: Höstmöte BUS 2030 7 oktober 2030", 9),
            ],
            invitations);
        // The management group the agreement names is invited, not the demo's.
        Assert.All(events.Where(e => (string?)e["workflow"] == "meeting" && (string?)e["kind"] == "mail"), e => Assert.EndsWith("@angsby.test", (string?)e["recipient"], StringComparison.Ordinal));

        // The renewal is decided by each board at its next meeting in the imported meeting plan.
        var renewal = events
            .Where(e => (string?)e["kind"] == "decision" && (string?)e["subject"] == "Samverkansöverenskommelse BUS Ängsby 2031–2034")
            .Select(e => ((string?)e["board"], (string?)e["local"], (string?)e["outcome"]));
        Assert.Equal(
            [("angsby-sn", "2030-04-09 16:00", "approve"), ("angsby-kun", "2030-04-11 16:00", "approve"), ("angsby-bun", "2030-04-17 16:00", "approve")],
            renewal);
        Assert.Equal(12, events.Count(e => (string?)e["kind"] == "decision" && ((string?)e["subject"])!.StartsWith("Prioriteringar för barn och unga", StringComparison.Ordinal)));
        var activated = Assert.Single(events, e => (string?)e["kind"] == "agreement" && (string?)e["activity"] == "activate");
        // The renewal keeps the collaboration's own names: two collaborations renewing in 2030 never share an id.
        Assert.Equal(("2031-01-01 00:00", "angsby-bus-2031-2034"), ((string?)activated["local"], (string?)activated["subject"]));
    }

    [Fact]
    public async Task The_broad_collaboration_example_runs_its_mandate_inviting_its_presidium_group_and_renewed_by_its_boards_and_organisations()
    {
        var run = await CliRun.RunAsync(["simulate", "--setup", Example("bergdala-broad-collaboration.yaml"), "--from", "2026-12-01", "--to", "2031-01-02", "--json"], Settings);

        Assert.True(run.ExitCode == 0, run.Error);
        var events = run.OutputLines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        var invitations = events
            .Where(e => (string?)e["kind"] == "mail" && (string?)e["mail"]!["calendarMethod"] == "REQUEST")
            .GroupBy(e => (string?)e["local"])
            .Select(g => (g.Key, g.Select(e => (string?)e["recipient"]).Distinct().Count()))
            .ToList();
        Assert.Equal(
            [("2027-02-01 08:00", 12), ("2027-08-17 08:00", 12), ("2028-02-01 08:00", 12), ("2028-08-17 08:00", 12),
             ("2029-02-01 08:00", 12), ("2029-08-17 08:00", 12), ("2030-02-01 08:00", 12), ("2030-08-19 08:00", 12)],
            invitations);
        // Its own presidium group is invited, with the representatives of the region, the police and Försäkringskassan in it.
        var invited = events.Where(e => (string?)e["workflow"] == "meeting" && (string?)e["kind"] == "mail").Select(e => (string?)e["recipient"]).Distinct().ToList();
        Assert.Contains("karl.odman@regionvastkust.test", invited);
        Assert.Contains("nina.borg@polisen-bergdala.test", invited);
        Assert.Contains("peter.moberg@forsakringskassan.test", invited);
        Assert.All(invited, address => Assert.DoesNotContain("exempelby", address, StringComparison.Ordinal));
        var renewal = events
            .Where(e => (string?)e["kind"] == "decision" && (string?)e["subject"] == "Samverkansöverenskommelse BUS Bergdala 2031–2034")
            .Select(e => ((string?)e["board"], (string?)e["local"], (string?)e["outcome"]));
        Assert.Equal(
            [
                // The region, the police and Försäkringskassan answer through their representatives once Elev-BUS has been heard;
                // hearing it takes UN past the notice day of its meeting on 9 April, so UN decides at its next one.
                ("region-vastkust", "2030-04-09 10:00", "approve"), ("polisen-bergdala", "2030-04-09 10:00", "approve"), ("forsakringskassan", "2030-04-09 10:00", "approve"),
                ("bergdala-kfn", "2030-04-11 16:00", "approve"), ("bergdala-sn", "2030-04-17 16:00", "approve"), ("bergdala-un", "2030-05-14 16:00", "approve"),
            ],
            renewal);
        var activated = Assert.Single(events, e => (string?)e["kind"] == "agreement" && (string?)e["activity"] == "activate");
        Assert.Equal(("2031-01-01 00:00", "bergdala-bus-2031-2034"), ((string?)activated["local"], (string?)activated["subject"]));
    }

    [Fact]
    public async Task The_yearly_follow_up_example_runs_its_follow_up_convened_in_turn_and_is_never_renewed()
    {
        var run = await CliRun.RunAsync(["simulate", "--setup", Example("strandvik-yearly-follow-up.yaml"), "--from", "2026-12-01", "--to", "2028-12-31", "--json"], Settings);

        Assert.True(run.ExitCode == 0, run.Error);
        var events = run.OutputLines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        var invitations = events
            .Where(e => (string?)e["kind"] == "mail" && ((string?)e["mail"]!["subject"])?.StartsWith("Kallelse: BUS-uppföljningen", StringComparison.Ordinal) == true)
            .Select(e => (string?)e["mail"]!["subject"])
            .Distinct()
            .ToList();
        Assert.Equal(["Kallelse: BUS-uppföljningen 2027, 2027-04-15", "Kallelse: BUS-uppföljningen 2028, 2028-04-18"], invitations);
        Assert.DoesNotContain(events, e => (string?)e["workflow"] is "spring-review" or "autumn-planning" or "agreement-renewal");
    }

    [Fact]
    public async Task A_setup_file_with_a_mistake_is_reported_by_line_and_nothing_runs()
    {
        var file = Path.Combine(Path.GetTempPath(), $"busflow-setup-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "organizations:\n  - { id: a, name: A }\nagreements:\n  - { id: x, title: X, validFrom: 2027-01-01, validUntil: 2026-01-01, parties: [] }\n");
        try
        {
            var run = await CliRun.RunAsync(["simulate", "--setup", file, "--from", "2026-12-01", "--to", "2027-01-01"], Settings);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(
                [
                    $"{file}:4: agreements[0].body: an agreement in force needs the body that meets in its yearly meetings",
                    $"{file}:4: agreements[0].validUntil: the agreement ends 2026-01-01, before it starts 2027-01-01",
                    $"{file}:4: agreements[0].parties: an agreement needs at least one party",
                ],
                run.ErrorLines);
            Assert.Empty(run.OutputLines);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
