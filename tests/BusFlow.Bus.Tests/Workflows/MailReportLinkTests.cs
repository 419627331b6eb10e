using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Bus.Shortcomings;
using BusFlow.Bus.Simulation;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Reminders;
using BusFlow.Notifications.TaskPages;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>
/// Every mail about a collaboration carries its recipient's link to report a shortcoming in it, and
/// the link opens the report form for the agreement the collaboration runs under; a mail about no
/// agreement carries none.
/// </summary>
public sealed partial class MailReportLinkTests : IAsyncLifetime
{
    private const string Secretary = "lena.vikstrom@exempelby.test";
    private const string Successor = "bus-2027-2030";
    private const string OtherAgreement = "elevhalsa-2025-2028";
    private const string OtherTitle = "Överenskommelse om elevhälsa 2025–2028";

    private BusHarness _bus = null!;

    // Monday 30 November 2026, an hour before the weekly digest goes out.
    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2026, 11, 30, 7, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_meeting_invitation_and_its_cancellation_let_each_member_report_on_the_agreement_the_meeting_is_held_under()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 12, 9, 0));
        var spring = await bus.StartAsync("spring-review", CycleInputs.Spring(2026, "2026-04-15"));

        await bus.Runtime.SignalAsync(spring.Id, "meetingCancelled", new JsonObject { ["reason"] = "Underlagen hinner inte bli klara." }, Secretary);

        var mails = await bus.OutboxAsync();
        var invitations = mails.Where(m => m.ActivityId == "invite").ToList();
        var cancellations = mails.Where(m => m.ActivityId == "cancelNotice").ToList();
        Assert.NotEmpty(invitations);
        Assert.Equal(invitations.Select(m => m.To).Order(), cancellations.Select(m => m.To).Order());
        foreach (var mail in invitations.Concat(cancellations))
        {
            Assert.Equal(new ShortcomingLink(CycleInputs.Agreement, mail.To), await OpenAsync(mail, bus));
        }

        // One link per recipient and agreement: the cancellation carries the invitation's link.
        Assert.All(cancellations, c => Assert.Equal(LinkIn(invitations.Single(i => i.To == c.To)), LinkIn(c)));
        Assert.Equal(DemoMunicipality.AgreementTitle, await ReportFormTitleAsync(await OpenAsync(invitations[0], bus), bus));
    }

    [Fact]
    public async Task Every_mail_of_a_renewal_lets_its_recipient_report_on_the_agreement_in_force_and_not_on_the_successor_being_decided()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 5, 9, 0));
        await bus.StartAsync("agreement-renewal", new JsonObject { ["agreement"] = CycleInputs.Agreement }, "renewal-bus-2023-2026");

        await bus.RunUntilAsync(new LocalDateTime(2026, 12, 15, 0, 0), new BoardResponder(bus.Calendar, BusHarness.Stockholm));

        Assert.NotEqual(AgreementStatus.Active, (await bus.AgreementAsync(Successor))!.Status);
        var mails = await bus.OutboxAsync();
        Assert.Contains(mails, m => m.Subject.StartsWith("Protokollsutdrag", StringComparison.Ordinal));
        Assert.True(mails.Select(m => m.InstanceId).Distinct().Count() > 3, "the renewal, its decision round and each board's decision mail");
        foreach (var mail in mails)
        {
            Assert.Equal(new ShortcomingLink(CycleInputs.Agreement, mail.To), await OpenAsync(mail, bus));
        }

        Assert.Empty(await bus.ReadAsync((s, _) => s.Facet<ILinkTokens>().ListLiveForSubjectAsync(LinkPurpose.ShortcomingReport, "agreement:" + Successor, bus.Clock.GetCurrentInstant(), default)));

        // On 1 January the new agreement is in force: the links already mailed report on it, as the mails written since do.
        await bus.RunUntilAsync(new LocalDateTime(2027, 1, 15, 0, 0), new BoardResponder(bus.Calendar, BusHarness.Stockholm));

        Assert.Equal(AgreementStatus.Active, (await bus.AgreementAsync(Successor))!.Status);
        Assert.Equal(new ShortcomingLink(Successor, mails[0].To), await OpenAsync(mails[0], bus));
        var since = (await bus.OutboxAsync()).Skip(mails.Count).ToList();
        Assert.All(since, m => Assert.Matches(ReportLink(), m.TextBody));
    }

    [Fact]
    public async Task When_the_agreement_lapses_unrenewed_the_mail_saying_so_lets_its_chairs_report_on_the_successor_the_cycles_now_run_under()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 5, 9, 0));
        await bus.StartAsync("agreement-renewal", new JsonObject { ["agreement"] = CycleInputs.Agreement }, "renewal-bus-2023-2026");

        await bus.RunUntilAsync(new LocalDateTime(2027, 1, 15, 0, 0), new BoardResponder(bus.Calendar, BusHarness.Stockholm)
        {
            Decide = (board, _) => board == "kun" ? "reject" : "approve",
        });

        Assert.Equal((AgreementStatus.Expired, AgreementStatus.InDecision), ((await bus.AgreementAsync(CycleInputs.Agreement))!.Status, (await bus.AgreementAsync(Successor))!.Status));
        var told = (await bus.OutboxAsync()).Where(m => m.Subject.Contains("har löpt ut utan ny överenskommelse", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(told);
        foreach (var mail in told)
        {
            Assert.Equal(new ShortcomingLink(Successor, mail.To), await OpenAsync(mail, bus));
        }
    }

    [Fact]
    public async Task A_plain_mail_about_an_agreement_has_the_report_link_in_its_footer_and_one_about_no_agreement_or_an_unknown_one_has_none()
    {
        await PublishMailAboutAsync();

        await _bus.StartAsync("mail-about", new JsonObject { ["agreement"] = CycleInputs.Agreement, ["to"] = "anna@example.se" });
        await _bus.StartAsync("mail-about", new JsonObject { ["to"] = "bo@example.se" });
        await _bus.StartAsync("mail-about", new JsonObject { ["agreement"] = "finns-inte", ["to"] = "cilla@example.se" });

        var mails = await _bus.OutboxAsync();
        var note = Assert.Single(mails, m => m.To == "anna@example.se" && m.ActivityId == "note");
        var link = LinkIn(note);
        Assert.EndsWith($"Ett meddelande.\n\n--\nHar något inte fungerat i samverkan mellan parterna? Rapportera en brist i samverkan:\n{link}\n", note.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<footer>\n<p>Har något inte fungerat i samverkan mellan parterna? <a href=\"{link}\">Rapportera en brist i samverkan</a>.</p>\n</footer>", WebUtility.HtmlDecode(note.HtmlBody), StringComparison.Ordinal);
        Assert.Equal(new ShortcomingLink(CycleInputs.Agreement, "anna@example.se"), await OpenAsync(note));
        // The task mail of the same workflow carries the same link.
        Assert.Equal(link, LinkIn(Assert.Single(mails, m => m.To == "anna@example.se" && m.ActivityId == "look")));

        var elsewhere = mails.Where(m => m.To != "anna@example.se").ToList();
        Assert.Equal(4, elsewhere.Count);
        Assert.All(elsewhere, m =>
        {
            Assert.DoesNotContain(ShortcomingLinks.PathPrefix, m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(ShortcomingLinks.PathPrefix, m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Rapportera en brist", m.TextBody, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_weekly_digest_carries_a_report_link_for_each_agreement_its_tasks_belong_to_and_none_when_they_belong_to_none()
    {
        await _bus.ReadAsync(async (session, records) =>
        {
            records.Add(new Agreement
            {
                Id = OtherAgreement,
                Title = OtherTitle,
                ValidFrom = new LocalDate(2025, 1, 1),
                ValidUntil = new LocalDate(2028, 12, 31),
                Status = AgreementStatus.Active,
            });
            await session.CommitAsync(default);
            return 0;
        });
        await PublishMailAboutAsync();
        await _bus.StartAsync("mail-about", new JsonObject { ["agreement"] = CycleInputs.Agreement, ["to"] = "anna@example.se" });
        await _bus.StartAsync("mail-about", new JsonObject { ["agreement"] = OtherAgreement, ["to"] = "anna@example.se" });
        await _bus.StartAsync("mail-about", new JsonObject { ["to"] = "anna@example.se" });
        await _bus.StartAsync("mail-about", new JsonObject { ["agreement"] = CycleInputs.Agreement, ["to"] = "bo@example.se" });
        await _bus.StartAsync("mail-about", new JsonObject { ["agreement"] = CycleInputs.Agreement, ["to"] = "bo@example.se" });
        await _bus.StartAsync("mail-about", new JsonObject { ["to"] = "cilla@example.se" });
        await _bus.StartAsync("mail-about", new JsonObject { ["to"] = "cilla@example.se" });

        await _bus.RunUntilAsync(new LocalDateTime(2026, 11, 30, 8, 0));
        var sent = await _bus.Services.GetRequiredService<WeeklyDigest>().SendDueDigestsAsync(default);

        Assert.Equal(["anna@example.se", "bo@example.se", "cilla@example.se"], sent.Select(d => d.Recipient).Order());
        var digests = (await _bus.OutboxAsync()).Where(m => sent.Any(d => d.MessageId == m.Id)).ToDictionary(m => m.To);

        var several = digests["anna@example.se"];
        var links = ReportLink().Matches(several.TextBody).Select(m => m.Value).ToList();
        Assert.Equal(2, links.Count);
        var opened = new Dictionary<string, string>();
        foreach (var link in links)
        {
            var agreement = (await OpenAsync(link))!;
            var title = (await ReportFormTitleAsync(agreement))!;
            Assert.Equal("anna@example.se", agreement.Reporter);
            Assert.Contains($"- {title}\n  {link}", several.TextBody, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"{link}\">Rapportera en brist i samverkan i {title}</a>", several.HtmlBody, StringComparison.Ordinal);
            opened[agreement.AgreementId] = title;
        }

        Assert.Equal(new Dictionary<string, string> { [CycleInputs.Agreement] = DemoMunicipality.AgreementTitle, [OtherAgreement] = OtherTitle }, opened);

        var one = digests["bo@example.se"];
        Assert.Contains($"Rapportera en brist i samverkan:\n{LinkIn(one)}", one.TextBody, StringComparison.Ordinal);
        Assert.Equal(new ShortcomingLink(CycleInputs.Agreement, "bo@example.se"), await OpenAsync(one));

        Assert.DoesNotContain(ShortcomingLinks.PathPrefix, digests["cilla@example.se"].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(ShortcomingLinks.PathPrefix, digests["cilla@example.se"].HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_confirmation_code_for_signing_an_agreement_carries_the_task_mails_report_link()
    {
        await _bus.PublishAsync("""
            {
              "id": "sign-about", "version": 1, "name": "Undertecknande",
              "inputs": [ { "name": "agreement", "type": "string", "required": true } ],
              "root": { "type": "Task", "id": "sign", "assignee": "anna@example.se", "title": "Underteckna överenskommelsen", "outcomes": ["sign"], "proof": "confirmationCode" }
            }
            """, "sign-about.json");
        await _bus.StartAsync("sign-about", new JsonObject { ["agreement"] = CycleInputs.Agreement });
        var assigned = Assert.Single(await _bus.OutboxAsync());

        var answered = await _bus.Services.GetRequiredService<TaskLinkAnswers>().AnswerAsync(
            LinkPurpose.TaskAnswer, TaskLink().Match(assigned.TextBody).Groups["secret"].Value, new AnswerForm("sign", null, null), new LinkUse(null, null), default);

        Assert.Equal(AnswerResultKind.CodeSent, answered.Kind);
        var code = Assert.Single(await _bus.OutboxAsync(), m => m.Id != assigned.Id);
        Assert.Equal(LinkIn(assigned), LinkIn(code));
        Assert.Equal(new ShortcomingLink(CycleInputs.Agreement, "anna@example.se"), await OpenAsync(code));
    }

    [GeneratedRegex(@"https?://[^\s""<]+/avvikelse/(?<secret>[A-Za-z0-9_-]+)")]
    private static partial Regex ReportLink();

    [GeneratedRegex(@"/t/(?<secret>[A-Za-z0-9_-]{22})")]
    private static partial Regex TaskLink();

    /// <summary>The report link of a mail: the same in its text and in its HTML.</summary>
    private static string LinkIn(OutboxMessage mail)
    {
        var link = ReportLink().Match(mail.TextBody);
        Assert.True(link.Success, $"'{mail.Subject}' to {mail.To} carries no report link");
        Assert.Contains($"href=\"{link.Value}\"", mail.HtmlBody, StringComparison.Ordinal);
        return link.Value;
    }

    private Task<ShortcomingLink?> OpenAsync(OutboxMessage mail, BusHarness? bus = null) => OpenAsync(LinkIn(mail), bus);

    /// <summary>What the report page opened by the link reports on, and for whom.</summary>
    private Task<ShortcomingLink?> OpenAsync(string link, BusHarness? bus = null) =>
        (bus ?? _bus).Services.GetRequiredService<ShortcomingLinks>().OpenAsync(ReportLink().Match(link).Groups["secret"].Value, default);

    /// <summary>The title of the agreement the report form opened by the link shows.</summary>
    private async Task<string?> ReportFormTitleAsync(ShortcomingLink? link, BusHarness? bus = null) =>
        (await (bus ?? _bus).Services.GetRequiredService<ShortcomingRegistry>().FormAsync(link!.AgreementId, default))?.AgreementTitle;

    /// <summary>A workflow that mails its recipient a plain note and gives them a task, about the agreement its input names, if any.</summary>
    private Task PublishMailAboutAsync() => _bus.PublishAsync("""
        {
          "id": "mail-about",
          "version": 1,
          "name": "Meddelande och uppgift",
          "inputs": [
            { "name": "agreement", "type": "string" },
            { "name": "to", "type": "string", "required": true }
          ],
          "root": {
            "type": "Sequence",
            "id": "main",
            "activities": [
              { "type": "SendEmail", "id": "note", "to": { "ref": "input.to" }, "subject": "Till kännedom", "body": "Ett meddelande.", "urgent": true },
              { "type": "Task", "id": "look", "assignee": { "ref": "input.to" }, "title": "Titta på meddelandet", "outcomes": ["done"] }
            ]
          }
        }
        """, "mail-about.json");
}
