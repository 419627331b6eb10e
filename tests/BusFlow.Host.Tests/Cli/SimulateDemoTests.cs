using System.Text.Json.Nodes;
using BusFlow.Bus.Calendar;
using BusFlow.Host.Tests.Support;
using NodaTime.Text;

namespace BusFlow.Host.Tests.Cli;

/// <summary>`busflow simulate --demo`: the demo's cycles on the virtual clock, as JSON lines another tool can check.</summary>
public sealed class SimulateDemoTests
{
    private static readonly IReadOnlyDictionary<string, string?> Settings = SimulateCli.ShippedFolders;

    /// <summary>The party boards' secretaries in the demo: SN, BUN and KUN.</summary>
    private static readonly string[] Secretaries = ["maria.holmgren@exempelby.test", "johan.forsberg@exempelby.test", "elin.norrby@exempelby.test"];

    private static async Task<List<JsonObject>> SimulateAsync(string policy, string from = "2026-01-01")
    {
        var run = await CliRun.RunAsync(["simulate", "--demo", "--from", from, "--to", "2027-02-01", "--responses", policy, "--json"], Settings);
        Assert.True(run.ExitCode == 0, run.Error);
        return run.OutputLines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    }

    /// <summary>Five years of the demo, answered by approval: two mandate periods' renewals and five annual wheels.</summary>
    private static readonly Lazy<Task<List<JsonObject>>> FiveYears = new(async () =>
    {
        var run = await CliRun.RunAsync(["simulate", "--demo", "--from", "2026-01-01", "--to", "2031-01-01", "--json"], Settings);
        Assert.True(run.ExitCode == 0, run.Error);
        return run.OutputLines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    });

    private static readonly SwedishWorkingDayCalendar Calendar = new();

    [Fact]
    public async Task In_five_years_of_the_demo_every_task_is_due_on_a_working_day()
    {
        var events = await FiveYears.Value;

        var dues = events.Where(e => (string?)e["kind"] == "taskCreated" && e["due"] is not null)
            .Select(e => LocalDatePattern.Iso.Parse(((string)e["due"]!)[..10]).Value)
            .ToList();
        Assert.True(dues.Count > 50, $"only {dues.Count} tasks with a due date");
        Assert.All(dues, due => Assert.True(Calendar.IsWorkingDay(due), $"a task is due on {due:yyyy-MM-dd}, not a working day"));
    }

    [Fact]
    public async Task The_2030_renewal_round_due_on_Saturday_30_November_runs_to_the_end_of_Monday_2_December()
    {
        var events = await FiveYears.Value;

        var deadlines = events.Where(e => (string?)e["kind"] == "timerScheduled" && (string?)e["activity"] == "deadlinePassed").Select(e => (string?)e["due"]).ToList();
        Assert.Contains("2030-12-03 00:00", deadlines);
        Assert.DoesNotContain("2030-12-01 00:00", deadlines);
    }

    [Fact]
    public async Task In_five_years_of_the_demo_every_new_task_mail_goes_out_in_the_window_on_a_working_day()
    {
        var events = await SimulateAsync("approve", from: "2026-03-01");
        events.AddRange(await FiveYears.Value);

        var taskMails = events.Where(e => (string?)e["kind"] == "mail" && ((string?)e["mail"]!["subject"])!.StartsWith("Ny uppgift i BusFlow", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(taskMails);
        // The spring review starting at once at midnight on Sunday 1 March 2026 writes its task mails then; they wait for Monday.
        Assert.Contains(taskMails, m => (string?)m["local"] == "2026-03-01 00:00" && (string?)m["mail"]!["sendsAt"] == "2026-03-02 08:00");
        Assert.All(taskMails, mail =>
        {
            var sendsAt = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm").Parse((string)mail["mail"]!["sendsAt"]!).Value;
            Assert.True(Calendar.IsWorkingDay(sendsAt.Date) && sendsAt.Hour is >= 8 and < 17, $"\"{mail["mail"]!["subject"]}\" goes out {sendsAt:yyyy-MM-dd HH:mm}");
        });
    }

    [Fact]
    public async Task The_demo_renewal_starts_on_1_April_and_the_new_agreement_is_active_on_1_January()
    {
        var events = await SimulateAsync("approve");

        Assert.Contains(events, e => (string?)e["kind"] == "timerFired" && (string?)e["workflow"] == "agreement-renewal" && (string?)e["local"] == "2026-04-01 08:00");
        var decisions = events.Where(e => (string?)e["kind"] == "decision" && (string?)e["workflow"] == "board-decision").ToList();
        Assert.Contains(decisions, d => (string?)d["board"] == "sn" && (string?)d["outcome"] == "approve");
        Assert.Equal(3, events.Count(e => (string?)e["kind"] == "signature"));
        var activated = Assert.Single(events, e => (string?)e["kind"] == "agreement" && (string?)e["activity"] == "activate");
        Assert.Equal("2027-01-01 00:00", (string?)activated["local"]);
        Assert.Equal("bus-2027-2030", (string?)activated["subject"]);
    }

    [Fact]
    public async Task Every_task_for_a_board_secretary_is_followed_by_its_Swedish_mail_at_the_moment_it_was_created()
    {
        var events = await SimulateAsync("approve", from: "2026-03-01");

        var secretaryTasks = events.Where(e => (string?)e["kind"] == "taskCreated" && Secretaries.Contains((string?)e["recipient"])).ToList();
        Assert.Equal(Secretaries.Order(StringComparer.Ordinal), secretaryTasks.Select(t => (string?)t["recipient"]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(secretaryTasks, task =>
        {
            var mail = events[events.IndexOf(task) + 1];
            Assert.Equal(("mail", (string?)task["local"], (string?)task["instance"], (string?)task["activity"]), ((string?)mail["kind"], (string?)mail["local"], (string?)mail["instance"], (string?)mail["activity"]));
            Assert.Equal((string?)task["recipient"], (string?)mail["mail"]!["to"]);
            Assert.Equal($"Ny uppgift i BusFlow: {task["subject"]}", (string?)mail["mail"]!["subject"]);
            Assert.Equal(("required", null), ((string?)mail["mail"]!["kind"], (string?)mail["mail"]!["calendarMethod"]));
        });
    }

    [Fact]
    public async Task The_spring_and_autumn_meetings_go_out_as_calendar_invitations_when_their_cycles_start()
    {
        var events = await SimulateAsync("approve", from: "2026-03-01");

        var invitations = events.Where(e => (string?)e["kind"] == "mail" && (string?)e["mail"]!["calendarMethod"] == "REQUEST").ToList();
        Assert.Equal(
            [
                // The spring review starts at once on 1 March, its start (2 February) having passed; autumn starts on 17 August.
                ("2026-03-01 00:00", "meeting", "Inbjudan: Vårmöte BUS 2026 15 april 2026", 9),
                ("2026-08-17 08:00", "meeting", "Inbjudan: Höstmöte BUS 2026 6 oktober 2026", 9),
            ],
            invitations
                .GroupBy(i => ((string?)i["local"], (string?)i["workflow"], (string?)i["subject"]))
                .Select(g => (g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Select(i => (string?)i["recipient"]).Distinct().Count())));
    }

    [Fact]
    public async Task With_a_board_that_refers_back_once_its_matter_returns_at_its_following_meeting()
    {
        var events = await SimulateAsync("refer-back-once");

        var renewalRound = events
            .Where(e => (string?)e["kind"] == "decision" && (string?)e["board"] == "sn")
            .Select(e => (string?)e["outcome"])
            .ToList();
        Assert.Contains("referBack", renewalRound);
        Assert.Equal("approve", renewalRound[renewalRound.IndexOf("referBack") + 1]);
        Assert.Single(events, e => (string?)e["kind"] == "agreement" && (string?)e["activity"] == "activate");
    }

    [Fact]
    public async Task With_a_secretary_who_never_answers_the_agreement_expires_the_chairs_are_told_and_the_wheel_of_2027_still_turns()
    {
        var events = await SimulateAsync("silent-secretary");

        var expired = Assert.Single(events, e => (string?)e["kind"] == "agreement" && (string?)e["activity"] == "expire");
        Assert.Equal("2027-01-01 00:00", (string?)expired["local"]);
        Assert.Equal(3, events.Count(e => (string?)e["kind"] == "mail" && (string?)e["activity"] == "expiryTold"));
        Assert.DoesNotContain(events, e => (string?)e["kind"] == "agreement" && (string?)e["activity"] == "activate");
        // The collaboration goes on under the lapsed agreement: the wheel of 2027–2030 turns.
        Assert.Contains(events, e => (string?)e["kind"] == "instanceStarted" && (string?)e["workflow"] == "bus-annual-cycle" && (string?)e["local"] == "2027-01-01 00:00");
    }

    [Fact]
    public async Task With_a_chair_who_never_signs_the_agreement_lapses_and_on_1_January_the_new_chair_signs_it_into_force()
    {
        var events = await SimulateAsync("silent-chair");

        Assert.Equal(3, events.Count(e => (string?)e["kind"] == "decision" && (string?)e["outcome"] == "approve" && (string?)e["subject"] == "Samverkansöverenskommelse BUS 2027–2030"));
        var expired = Assert.Single(events, e => (string?)e["kind"] == "agreement" && (string?)e["activity"] == "expire");
        Assert.Equal("2027-01-01 00:00", (string?)expired["local"]);
        Assert.Equal(3, events.Count(e => (string?)e["kind"] == "mail" && (string?)e["activity"] == "expiryTold"));
        // The outgoing SN chair's unsigned task passes to the new chair, who signs.
        var handedOver = Assert.Single(events, e => (string?)e["kind"] == "taskReassigned" && (string?)e["activity"] == "sign");
        Assert.Equal(("2027-01-01 00:15", "sofia.nyberg@exempelby.test"), ((string?)handedOver["local"], (string?)handedOver["recipient"]));
        var signatures = events.Where(e => (string?)e["kind"] == "signature").ToList();
        Assert.Equal(3, signatures.Count);
        Assert.Equal("sofia.nyberg", (string?)signatures.Single(e => (string?)e["board"] == "sn")["by"]);
        var activated = Assert.Single(events, e => (string?)e["kind"] == "agreement" && (string?)e["activity"] == "activate");
        Assert.Equal("2027-01-05 10:00", (string?)activated["local"]);
    }

    [Fact]
    public async Task Once_every_chair_has_signed_the_decision_is_sent_to_each_recipient_board()
    {
        var events = await SimulateAsync("approve");

        var sent = events.Where(e => (string?)e["kind"] == "mail" && (string?)e["activity"] == "decisionSent").ToList();
        // SN, BUN, KUN and Kommunstyrelsen: each board's secretary registers it.
        Assert.Equal(["elin.norrby@exempelby.test", "hanna.ljung@exempelby.test", "johan.forsberg@exempelby.test", "maria.holmgren@exempelby.test"], sent.Select(e => (string?)e["recipient"]).Order());
        Assert.All(sent, e => Assert.Contains("BUS 2027–2030 är godkänd och undertecknad", (string?)e["subject"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_due_date_on_a_holiday_is_shown_moved_to_the_next_working_day()
    {
        var run = await CliRun.RunAsync(["simulate", "--demo", "--from", "2026-01-01", "--to", "2027-02-01", "--responses", "approve"], Settings);

        Assert.True(run.ExitCode == 0, run.Error);
        // The renewal's draft task is asked for on 1 April with a month to go: 1 May is a public holiday.
        Assert.Contains(run.OutputLines, l => l.Contains("due 2026-05-04 (flyttad från 1/5 till 4/5 (första maj))", StringComparison.Ordinal));
    }
}
