using System.Text.Json.Nodes;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Preferences;
using BusFlow.Notifications.Reminders;
using BusFlow.Notifications.TaskPages;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>
/// Reminders of a task for a role, on the virtual clock with the demo municipality: who gets them
/// (whoever holds the role that day), when (08:00 Stockholm time on Swedish working days) and what
/// happens when nobody answers (the vice chair and the secretary are told; the task stays where it was).
/// </summary>
public sealed class TaskReminderTests
{
    private const string Board = DemoMunicipality.SocialBoardId;

    [Fact]
    public async Task Over_christmas_and_new_year_reminders_skip_the_holidays_follow_the_new_chair_and_escalate_to_vice_chair_and_secretary()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 12, 14, 10, 0));
        await PublishSigningAsync(bus, due: new LocalDate(2027, 1, 8));
        var oldChair = await HolderAsync(bus, RoleKind.Chair, new LocalDate(2026, 12, 31));
        var newChair = await HolderAsync(bus, RoleKind.Chair, new LocalDate(2027, 1, 1));
        var newViceChair = await HolderAsync(bus, RoleKind.ViceChair, new LocalDate(2027, 1, 1));
        var secretary = await HolderAsync(bus, RoleKind.Secretary, new LocalDate(2027, 1, 1));
        Assert.NotEqual(oldChair, newChair);

        var instance = await bus.StartAsync("sign-reminders", []);
        await bus.RunUntilAsync(new LocalDateTime(2027, 2, 1, 0, 0));

        // Mails due at the same moment (the two escalations) have no order between them: compare by time, then address.
        static List<(string To, LocalDateTime At, string Kind)> InOrder(IEnumerable<(string To, LocalDateTime At, string Kind)> mails) =>
            [.. mails.OrderBy(m => m.At).ThenBy(m => m.To, StringComparer.Ordinal)];
        var mails = InOrder((await bus.OutboxAsync()).Select(m => (m.To, At: BusHarness.Local(m.NextAttemptAt), Kind: MailKind(m))));
        Assert.Equal(
            InOrder([
                (oldChair, new LocalDateTime(2026, 12, 14, 10, 0), "assigned"),
                // 7 working days before 8 January: not 24 (julafton), 25 (juldagen), 31 (nyårsafton), 1 January or 6 January.
                (oldChair, new LocalDateTime(2026, 12, 23, 8, 0), "reminder"),
                // From 1 January the new presidium holds the role, so the reminders go to the new chair.
                (newChair, new LocalDateTime(2027, 1, 5, 8, 0), "reminder"),
                (newChair, new LocalDateTime(2027, 1, 8, 8, 0), "reminder"),
                (newChair, new LocalDateTime(2027, 1, 13, 8, 0), "reminder"),
                (newChair, new LocalDateTime(2027, 1, 18, 8, 0), "reminder"),
                (newViceChair, new LocalDateTime(2027, 1, 21, 8, 0), "escalation"),
                (secretary, new LocalDateTime(2027, 1, 21, 8, 0), "escalation"),
            ]),
            mails);

        var task = Assert.Single(await bus.AllTasksAsync());
        Assert.Equal(HumanTaskStatus.Open, task.Status);
        Assert.Equal(oldChair, task.Assignee);
        var journal = await bus.JournalAsync(instance.Id);
        Assert.Equal(5, journal.Count(e => e.Kind == JournalKind.TaskReminded));
        var escalated = Assert.Single(journal, e => e.Kind == JournalKind.TaskEscalated);
        var told = JsonNode.Parse(escalated.DataJson!)!["recipients"]!.AsArray().Select(r => (string)r!["address"]!).ToList();
        Assert.Equal([newViceChair, secretary], told);
    }

    [Fact]
    public async Task When_the_role_passes_to_a_new_chair_the_old_chairs_link_no_longer_answers_the_new_chairs_does_and_the_vice_chair_only_sees()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 12, 14, 10, 0));
        await PublishSigningAsync(bus, due: new LocalDate(2027, 1, 8));
        var newChair = await HolderAsync(bus, RoleKind.Chair, new LocalDate(2027, 1, 1));
        var newViceChair = await HolderAsync(bus, RoleKind.ViceChair, new LocalDate(2027, 1, 1));
        await bus.StartAsync("sign-reminders", []);
        var answers = bus.Services.GetRequiredService<TaskLinkAnswers>();

        var oldChairsLink = Secret((await bus.OutboxAsync()).Single());
        Assert.Equal(TaskLinkState.Open, (await answers.OpenAsync(LinkPurpose.TaskAnswer, oldChairsLink, CancellationToken.None)).State);
        await bus.RunUntilAsync(new LocalDateTime(2027, 1, 22, 0, 0));

        var mails = await bus.OutboxAsync();
        var newChairsLink = Secret(mails.Last(m => m.To == newChair));
        var viceChairsLink = Secret(mails.Single(m => m.To == newViceChair));
        var reminders = mails.Where(m => m.To == newChair).Select(Secret).Distinct().ToList();
        Assert.Equal(TaskLinkState.Withdrawn, (await answers.OpenAsync(LinkPurpose.TaskAnswer, oldChairsLink, CancellationToken.None)).State);
        var open = await answers.OpenAsync(LinkPurpose.TaskAnswer, newChairsLink, CancellationToken.None);
        Assert.Equal(TaskLinkState.Open, open.State);
        Assert.StartsWith("ordförande i ", open.Reader!.RoleTitleSv, StringComparison.Ordinal);
        // Every reminder to the new chair carried the same live link.
        Assert.Single(reminders);
        Assert.Equal(TaskLinkState.Informed, (await answers.OpenAsync(LinkPurpose.TaskAnswer, viceChairsLink, CancellationToken.None)).State);
        var refused = await answers.AnswerAsync(LinkPurpose.TaskAnswer, viceChairsLink, new AnswerForm("sign", null, null), new LinkUse("127.0.0.1", "test"), CancellationToken.None);
        Assert.Equal(AnswerResultKind.NotOpen, refused.Kind);
        Assert.Equal(HumanTaskStatus.Open, Assert.Single(await bus.AllTasksAsync()).Status);

        static string Secret(OutboxMessage mail) => System.Text.RegularExpressions.Regex.Match(mail.TextBody, "/t/([A-Za-z0-9_-]{22})").Groups[1].Value;
    }

    [Fact]
    public async Task Across_easter_and_the_change_to_summer_time_reminders_go_out_at_eight_local_time()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2027, 3, 1, 9, 0));
        await PublishSigningAsync(bus, due: new LocalDate(2027, 4, 1), escalate: false);

        await bus.StartAsync("sign-reminders", []);
        await bus.RunUntilAsync(new LocalDateTime(2027, 4, 2, 0, 0));

        var reminders = (await bus.OutboxAsync()).Where(m => MailKind(m) == "reminder").Select(m => m.NextAttemptAt).ToList();
        Assert.Equal(
            [
                // 7 working days before 1 April, skipping Good Friday (26 March) and Easter Monday (29 March): 19 March, winter time.
                Instant.FromUtc(2027, 3, 19, 7, 0),
                // 2 working days before: 30 March, after the clocks went forward on 28 March.
                Instant.FromUtc(2027, 3, 30, 6, 0),
                Instant.FromUtc(2027, 4, 1, 6, 0),
            ],
            reminders);
    }

    [Fact]
    public async Task An_answered_task_gets_no_more_reminders()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 12, 14, 10, 0));
        await PublishSigningAsync(bus, due: new LocalDate(2027, 1, 8));
        await bus.StartAsync("sign-reminders", []);
        await bus.RunUntilAsync(new LocalDateTime(2026, 12, 28, 0, 0));
        var task = Assert.Single(await bus.AllTasksAsync());

        await bus.Runtime.CompleteTaskAsync(task.Id, new TaskAnswer("sign", null, "ordforande@exempelby.test"));
        var answeredAt = bus.Clock.GetCurrentInstant();
        await bus.RunUntilAsync(new LocalDateTime(2027, 2, 1, 0, 0));

        Assert.Equal(["assigned", "reminder"], (await bus.OutboxAsync()).Select(MailKind));
        Assert.Empty(await bus.ReadAsync((s, _) => s.ListPendingTimersAsync(default)));
        // The answer cancelled the reminders still to come; none was left to fire for nothing on its day.
        var reminders = (await bus.ReadAsync((s, _) => s.ListTimersAsync(task.InstanceId, default))).Where(t => t.TaskId == task.Id).ToList();
        var toCome = reminders.Where(t => t.DueAt > answeredAt).ToList();
        Assert.NotEmpty(toCome);
        Assert.All(toCome, t => Assert.Equal((TimerStatus.Cancelled, (Instant?)answeredAt), (t.Status, t.FiredAt)));
    }

    [Fact]
    public async Task Cancelling_the_instance_cancels_its_open_tasks_reminders_at_once()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 12, 14, 10, 0));
        await PublishSigningAsync(bus, due: new LocalDate(2027, 1, 8));
        var instance = await bus.StartAsync("sign-reminders", []);
        Assert.NotEmpty(await bus.ReadAsync((s, _) => s.ListPendingTimersAsync(default)));

        await bus.Runtime.CancelAsync(instance.Id, "administratör@exempelby.test", "the agreement was withdrawn");
        var cancelledAt = bus.Clock.GetCurrentInstant();

        Assert.Empty(await bus.ReadAsync((s, _) => s.ListPendingTimersAsync(default)));
        var timers = await bus.ReadAsync((s, _) => s.ListTimersAsync(instance.Id, default));
        Assert.Contains(timers, t => t.Purpose == TimerPurpose.TaskReminder);
        Assert.All(timers.Where(t => t.Purpose == TimerPurpose.TaskReminder), t => Assert.Equal((TimerStatus.Cancelled, (Instant?)cancelledAt), (t.Status, t.FiredAt)));
        await bus.RunUntilAsync(new LocalDateTime(2027, 2, 1, 0, 0));
        Assert.Equal(["assigned"], (await bus.OutboxAsync()).Select(MailKind));
    }

    [Fact]
    public async Task A_person_with_several_open_tasks_gets_the_early_reminders_in_the_weekly_digest_until_unsubscribed()
    {
        // Monday 30 November 2026, before the digest's 08:00; both tasks are due Friday 18 December.
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 11, 30, 7, 0));
        await PublishSigningAsync(bus, due: new LocalDate(2026, 12, 18), workflowId: "sign-a");
        await PublishSigningAsync(bus, due: new LocalDate(2026, 12, 18), workflowId: "sign-b");
        var chair = await HolderAsync(bus, RoleKind.Chair, new LocalDate(2026, 11, 30));
        var a = await bus.StartAsync("sign-a", []);
        await bus.StartAsync("sign-b", []);
        var digest = bus.Services.GetRequiredService<WeeklyDigest>();

        await bus.RunUntilAsync(new LocalDateTime(2026, 11, 30, 8, 0));
        Assert.Equal(1, await digest.SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await digest.SendDueAsync(CancellationToken.None));
        await bus.RunUntilAsync(new LocalDateTime(2026, 12, 7, 8, 0));
        Assert.Equal(1, await digest.SendDueAsync(CancellationToken.None));
        // 7 working days before the due date is Wednesday 9 December; the digest of Monday 14 December comes before the due date, so the reminder is left to it.
        await bus.RunUntilAsync(new LocalDateTime(2026, 12, 9, 12, 0));

        var mails = await bus.OutboxAsync();
        Assert.Equal(["assigned", "assigned", "digest", "digest"], mails.Select(MailKind));
        var digests = mails.Where(m => MailKind(m) == "digest").ToList();
        Assert.All(digests, d => Assert.Equal((chair, Notifications.Messages.EmailKind.Optional), (d.To, d.Kind)));
        Assert.Contains("/unsubscribe/", digests[0].UnsubscribeUrl, StringComparison.Ordinal);
        Assert.Equal(digests[0].UnsubscribeUrl, digests[1].UnsubscribeUrl);
        var reminded = Assert.Single(await bus.JournalAsync(a.Id), e => e.Kind == JournalKind.TaskReminded);
        Assert.Equal("InDigest", (string)JsonNode.Parse(reminded.DataJson!)!["recipients"]![0]!["handling"]!);

        var secret = digests[0].UnsubscribeUrl![(digests[0].UnsubscribeUrl!.LastIndexOf('/') + 1)..];
        Assert.Equal(chair, await bus.Services.GetRequiredService<Unsubscriber>().UnsubscribeAsync(secret, CancellationToken.None));
        await bus.RunUntilAsync(new LocalDateTime(2026, 12, 14, 8, 0));
        Assert.Equal(0, await digest.SendDueAsync(CancellationToken.None));
        await bus.RunUntilAsync(new LocalDateTime(2026, 12, 16, 12, 0));

        // Unsubscribed: no digest on 14 December, and the reminders 2 working days before come one per task.
        var later = (await bus.OutboxAsync()).Skip(mails.Count).Select(m => (m.To, Kind: MailKind(m), At: BusHarness.Local(m.NextAttemptAt))).ToList();
        Assert.Equal(
            [(chair, "reminder", new LocalDateTime(2026, 12, 16, 8, 0)), (chair, "reminder", new LocalDateTime(2026, 12, 16, 8, 0))],
            later);
    }

    [Fact]
    public async Task A_reminder_counts_its_recipients_open_tasks_from_hers_alone_as_the_digest_counts_them_from_all()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 11, 30, 7, 0));
        await PublishSigningAsync(bus, due: new LocalDate(2026, 12, 18), workflowId: "sign-a");
        await PublishSigningAsync(bus, due: new LocalDate(2026, 12, 18), workflowId: "sign-b");
        await bus.StartAsync("sign-a", []);
        await bus.StartAsync("sign-b", []);
        var day = new LocalDate(2026, 11, 30);
        var chair = await HolderAsync(bus, RoleKind.Chair, day);
        var openTasks = bus.Services.GetRequiredService<OpenTaskRecipients>();

        var (fromAll, fromHers, nobodys) = await bus.ReadAsync(async (session, _) =>
        {
            var byRecipient = await openTasks.ByRecipientAsync(session, day, default);
            var counted = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var address in byRecipient.Keys)
            {
                counted[address] = await openTasks.CountForAsync(session, address, day, default);
            }

            return (byRecipient.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.OrdinalIgnoreCase), counted,
                await openTasks.CountForAsync(session, "ingen.alls@exempelby.test", day, default));
        });

        Assert.Equal(2, fromAll[chair]);
        Assert.Equal(fromAll.OrderBy(p => p.Key, StringComparer.Ordinal), fromHers.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(0, nobodys);
    }

    private static string MailKind(OutboxMessage message) =>
        message.Subject.StartsWith("Påminnelse", StringComparison.Ordinal) ? "reminder"
        : message.Subject.StartsWith("Obesvarad", StringComparison.Ordinal) ? "escalation"
        : message.Kind == Notifications.Messages.EmailKind.Optional ? "digest"
        : "assigned";

    private static Task<string> HolderAsync(BusHarness bus, RoleKind role, LocalDate day) =>
        bus.ReadAsync(async (_, records) => (await records.FindRoleHolderAsync(role, Board, day, default))!.Email);

    private static async Task PublishSigningAsync(BusHarness bus, LocalDate due, bool escalate = true, string workflowId = "sign-reminders")
    {
        var reminders = new JsonObject
        {
            ["workingDaysBefore"] = new JsonArray(7, 2),
            ["onDueDate"] = true,
            ["everyWorkingDaysAfter"] = 3,
            ["maxAfter"] = 2,
            ["escalateTo"] = escalate ? new JsonArray("ViceChair", "Secretary") : new JsonArray(),
        };
        var definition = new JsonObject
        {
            ["id"] = workflowId,
            ["version"] = 1,
            ["name"] = "Underteckna med påminnelser",
            ["root"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["id"] = "main",
                ["activities"] = new JsonArray(
                    new JsonObject { ["type"] = "ResolveRole", ["id"] = "chair", ["role"] = "Chair", ["board"] = Board },
                    new JsonObject
                    {
                        ["type"] = "Task",
                        ["id"] = "sign",
                        ["assignee"] = new JsonObject { ["ref"] = "output.chair.email" },
                        ["role"] = $"{Board}/Chair",
                        ["title"] = "Underteckna överenskommelsen",
                        ["outcomes"] = new JsonArray("sign"),
                        ["due"] = due.ToString("yyyy-MM-dd", null),
                        ["reminders"] = reminders,
                    }),
            },
        };
        await bus.PublishAsync(definition.ToJsonString(), $"{workflowId}.json");
    }
}
