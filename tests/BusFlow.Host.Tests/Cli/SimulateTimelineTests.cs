using System.Text.Json.Nodes;
using BusFlow.Bus.Calendar;
using BusFlow.Engine.Time;
using BusFlow.Host.Tests.Support;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Tests.Cli;

/// <summary>
/// `busflow simulate --demo`: the timeline shows every timer's due time and the weekly digests, and
/// the run ends with a summary per year and per board of what was decided, what lapsed and who was escalated.
/// </summary>
public sealed class SimulateTimelineTests
{
    private static readonly IReadOnlyDictionary<string, string?> Settings = SimulateCli.ShippedFolders;

    private const string Renewal = "Samverkansöverenskommelse BUS 2027–2030";

    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");
    private static readonly SwedishWorkingDayCalendar Calendar = new();

    private static readonly Dictionary<string, Lazy<Task<CliRun>>> Runs = new()
    {
        ["approve"] = Run("approve", json: true),
        ["approve text"] = Run("approve", json: false),
        ["silent-secretary"] = Run("silent-secretary", json: true),
        ["silent-secretary text"] = Run("silent-secretary", json: false),
        ["silent-chair"] = Run("silent-chair", json: true),
    };

    private static Lazy<Task<CliRun>> Run(string policy, bool json) => new(async () =>
    {
        string[] arguments = ["simulate", "--demo", "--from", "2026-01-01", "--to", "2027-02-01", "--responses", policy];
        var run = await CliRun.RunAsync(json ? [.. arguments, "--json"] : arguments, Settings);
        Assert.True(run.ExitCode == 0, run.Error);
        return run;
    });

    private static async Task<List<JsonObject>> EventsAsync(string policy) =>
        (await Runs[policy].Value).OutputLines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

    private static async Task<JsonObject> SummaryAsync(string policy)
    {
        var last = (await EventsAsync(policy))[^1];
        Assert.Equal("summary", (string?)last["kind"]);
        return last["summary"]!.AsObject();
    }

    [Fact]
    public async Task Every_timer_scheduled_in_the_demo_shows_its_due_time_reminder_timers_included()
    {
        var events = await EventsAsync("approve");

        var timers = events.Where(e => (string?)e["kind"] == "timerScheduled").ToList();
        Assert.Contains(timers, t => t["reminders"] is not null);
        Assert.All(timers, timer => Assert.True(
            LocalPattern.Parse((string?)timer["due"] ?? "").Success,
            $"the timer of {timer["workflow"]}/{timer["activity"]} at {timer["local"]} has no due time"));
    }

    [Fact]
    public async Task The_draft_tasks_reminders_are_listed_with_their_Stockholm_times_at_the_start_of_the_window()
    {
        var events = await EventsAsync("approve");

        // Asked for on 1 April, due Monday 4 May (1 May is a holiday): reminders 8 and 3 working days
        // before, on the day and three overdue, each at 08:00 summer time (06:00 UTC); then the escalation.
        var draft = Assert.Single(events, e => (string?)e["kind"] == "timerScheduled" && (string?)e["activity"] == "prepareDraft");
        Assert.Equal(
            [
                ("beforeDue", 1, "2026-04-22 08:00"), ("beforeDue", 2, "2026-04-29 08:00"), ("onDue", 1, "2026-05-04 08:00"),
                ("overdue", 1, "2026-05-07 08:00"), ("overdue", 2, "2026-05-12 08:00"), ("overdue", 3, "2026-05-18 08:00"),
                ("escalation", 1, "2026-05-21 08:00"),
            ],
            draft["reminders"]!.AsArray().Select(r => ((string?)r!["kind"], (int)r["number"]!, (string?)r["due"])));
        Assert.Equal("2026-04-22 08:00", (string?)draft["due"]);
        var text = (await Runs["approve text"].Value).OutputLines;
        Assert.Contains(
            "2026-04-01 08:00  timer scheduled  agreement-renewal/prepareDraft  due 2026-04-22 08:00 (beforeDue 1), 2026-04-29 08:00 (beforeDue 2), 2026-05-04 08:00 (onDue), 2026-05-07 08:00 (overdue 1), 2026-05-12 08:00 (overdue 2), 2026-05-18 08:00 (overdue 3), 2026-05-21 08:00 (escalation)",
            text);
    }

    [Fact]
    public async Task A_secretary_left_with_two_open_tasks_gets_the_weekly_digest_on_the_first_working_day_of_each_week_at_8()
    {
        var events = await EventsAsync("silent-secretary");

        var digests = events.Where(e => (string?)e["kind"] == "digest").ToList();
        Assert.NotEmpty(digests);
        Assert.All(digests, digest =>
        {
            var at = LocalPattern.Parse((string)digest["local"]!).Value;
            var monday = at.Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
            Assert.Equal(Calendar.OnOrNextWorkingDay(monday).At(new LocalTime(8, 0)), at);
            Assert.Equal("optional", (string?)digest["mail"]!["kind"]);
        });
        // From October the silent SN secretary has two open tasks: the renewal's draft and the registration number of SN's decision on the priorities.
        var first = digests[0];
        Assert.Equal(("2026-10-12 08:00", "maria.holmgren@exempelby.test", 2), ((string?)first["local"], (string?)first["recipient"], (int)first["openTasks"]!));
        var text = (await Runs["silent-secretary text"].Value).OutputLines;
        Assert.Contains(
            "2026-10-12 08:00  digest  -  2 open tasks, to maria.holmgren@exempelby.test: \"Veckans sammanfattning: 2 öppna uppgifter i BusFlow\" (optional)",
            text);
        // A reminder that the digest covers sends no mail of its own, and the timeline says so.
        Assert.Contains(
            "2026-10-09 08:00  task reminded  board-decision/registerMatter  \"Ange diarienummer i Socialnämnden: Prioriteringar för barn och unga 2027 (BUS)\" for maria.holmgren@exempelby.test: beforeDue 1 to maria.holmgren@exempelby.test (sn/Secretary, in the weekly digest)",
            text);
    }

    [Fact]
    public async Task The_summary_names_each_boards_decision_on_the_renewal_with_its_date_and_paragraph()
    {
        var summary = await SummaryAsync("approve");

        var year = Assert.Single(summary["years"]!.AsArray(), y => (int)y!["year"]! == 2026)!;
        var renewalDecisions = year["boards"]!.AsArray()
            .SelectMany(b => b!["decisions"]!.AsArray().Where(d => (string?)d!["subject"] == Renewal).Select(d => ((string?)b["board"], (string?)d!["outcome"], (string?)d["date"], (string?)d["paragraph"])));
        Assert.Equal(
            [("bun", "approve", "2026-04-15", "§ 11"), ("kun", "approve", "2026-04-23", "§ 11"), ("sn", "approve", "2026-04-14", "§ 11")],
            renewalDecisions);
        Assert.Empty(year["lapsed"]!.AsArray());
        var text = (await Runs["approve text"].Value).OutputLines.ToList();
        var section = text.IndexOf("Summary");
        Assert.True(section > 0, "no summary section");
        // The lines come trimmed; the section indents each board under its year and its decisions under it.
        Assert.Equal(["2026", "bun", $"decided    2026-04-15  approve  § 11  {Renewal}"], text.Skip(section + 1).Take(3));
    }

    [Fact]
    public async Task With_a_chair_who_never_signs_the_summary_names_the_escalation_to_the_vice_chair_and_the_lapsed_agreement()
    {
        var summary = await SummaryAsync("silent-chair");

        var years = summary["years"]!.AsArray();
        var sn = years.Single(y => (int)y!["year"]! == 2026)!["boards"]!.AsArray().Single(b => (string?)b!["board"] == "sn")!;
        var escalation = Assert.Single(sn["escalations"]!.AsArray())!;
        Assert.Equal(($"Underteckna {Renewal}", "anna.lindqvist@exempelby.test"), ((string?)escalation["task"], (string?)escalation["assignee"]));
        Assert.Equal(
            [("erik.sandberg@exempelby.test", "sn/ViceChair"), ("maria.holmgren@exempelby.test", "sn/Secretary")],
            escalation["escalatedTo"]!.AsArray().Select(r => ((string?)r!["address"], (string?)r["role"])));
        var lapsed = Assert.Single(years.Single(y => (int)y!["year"]! == 2027)!["lapsed"]!.AsArray())!;
        Assert.Equal(("agreement", "bus-2023-2026", "2027-01-01"), ((string?)lapsed["kind"], (string?)lapsed["subject"], (string?)lapsed["date"]));
    }

    [Fact]
    public async Task With_a_secretary_who_never_answers_the_summary_says_the_agreement_lapsed_nothing_was_decided_and_her_draft_was_escalated()
    {
        var summary = await SummaryAsync("silent-secretary");

        var years = summary["years"]!.AsArray();
        Assert.DoesNotContain(years, y => y!["boards"]!.AsArray().Any(b => b!["decisions"]!.AsArray().Any(d => (string?)d!["subject"] == Renewal)));
        var lapsed = years.SelectMany(y => y!["lapsed"]!.AsArray()).ToList();
        var agreement = Assert.Single(lapsed, l => (string?)l!["kind"] == "agreement")!;
        Assert.Equal(("bus-2023-2026", "2027-01-01", "Active → Expired"), ((string?)agreement["subject"], (string?)agreement["date"], (string?)agreement["detail"]));
        // The priorities go to the boards by the steering group's secretary; SN's silent secretary leaves SN undecided.
        var round = Assert.Single(lapsed, l => (string?)l!["kind"] == "round")!;
        Assert.Equal(["sn"], round["undecided"]!.AsArray().Select(b => (string?)b));
        // The silent coordinator's draft task is escalated to SN's head of administration.
        var sn = years.Single(y => (int)y!["year"]! == 2026)!["boards"]!.AsArray().Single(b => (string?)b!["board"] == "sn")!;
        var draft = Assert.Single(sn["escalations"]!.AsArray(), e => (string?)e!["task"] == $"Ta fram förslag till {Renewal}")!;
        Assert.Equal(("2026-05-21", "lars.ekwall@exempelby.test", "sn/HeadOfAdministration"), ((string?)draft["date"], (string?)draft["escalatedTo"]![0]!["address"], (string?)draft["escalatedTo"]![0]!["role"]));
    }
}
