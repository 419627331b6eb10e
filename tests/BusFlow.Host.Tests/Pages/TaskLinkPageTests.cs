using System.Net;
using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Host.Tests.Pages;

/// <summary>The task pages over real HTTP: a link shows, a form acts once, and a bad link says what happened and changes nothing.</summary>
public sealed class TaskLinkPageTests
{
    [Fact]
    public async Task Get_and_head_show_the_task_keep_it_out_of_caches_and_change_nothing()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        var before = await StateAsync(host, task);
        using var browser = host.NewClient();

        var page = await browser.GetAsync(link);
        var head = await browser.HeadAsync(link);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Godkänn verksamhetsplanen 2027", page.Heading);
        Assert.Contains("Du svarar som", page.Text, StringComparison.Ordinal);
        Assert.Contains(TaskPageHost.Anna, page.Text, StringComparison.Ordinal);
        Assert.Contains("Godkännande av verksamhetsplan", page.Text, StringComparison.Ordinal);
        Assert.Contains("4 december 2026", page.Text, StringComparison.Ordinal);
        Assert.Contains("BUS 2026/17", page.Text, StringComparison.Ordinal);
        Assert.Contains("Tjänsteskrivelse om planen, med \"citat\" & tecken", page.Text, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"outcome\" value=\"approve\">Godkänn</button>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"outcome\" value=\"reject\">Avslå</button>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-store", page.Headers["Cache-Control"]);
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"]);
        Assert.Contains("noindex", page.Headers["X-Robots-Tag"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, head.Status);
        Assert.Equal("", head.Html);
        Assert.Equal(before, await StateAsync(host, task));
    }

    [Fact]
    public async Task The_page_reads_in_english_when_asked()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        using var browser = host.NewClient();

        var page = await browser.GetAsync(await host.LinkAsync(task) + "?lang=en");

        Assert.Contains("<html lang=\"en\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("You are answering as", page.Text, StringComparison.Ordinal);
        Assert.Contains("4 December 2026", page.Text, StringComparison.Ordinal);
        Assert.Contains(">Approve</button>", page.Html, StringComparison.Ordinal);

        var receipt = await browser.PostAsync(await host.LinkAsync(task), ("outcome", "approve"), ("lang", "en"));

        Assert.Equal("Thank you, your answer has been received", receipt.Heading);
        Assert.Contains("You answered “Approve” on 23 November 2026 at 10:00", receipt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_posted_answer_is_recorded_once_with_the_links_use_and_a_second_post_says_who_answered()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);
        host.Clock.Advance(Duration.FromMinutes(3));

        var receipt = await browser.PostAsync(link, ("outcome", "approve"), ("comment", "Bra plan."));
        var again = await browser.PostAsync(link, ("outcome", "reject"), ("comment", "Ångrar mig."));

        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        Assert.Equal("Tack, ditt svar är mottaget", receipt.Heading);
        Assert.Contains("Du svarade ”Godkänn” den 23 november 2026 kl. 10:03", receipt.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("Uppgiften är redan besvarad", again.Heading);
        Assert.Contains($"{TaskPageHost.Anna} svarade ”Godkänn” den 23 november 2026 kl. 10:03", again.Text, StringComparison.Ordinal);

        var answered = await host.TaskAsync(task.Id);
        Assert.Equal((HumanTaskStatus.Completed, "approve", "Bra plan.", TaskPageHost.Anna), (answered.Status, answered.Outcome, answered.Comment, answered.CompletedBy));
        var completed = Assert.Single(await host.JournalAsync(task.InstanceId), e => e.Kind == JournalKind.TaskCompleted);
        var data = JsonNode.Parse(completed.DataJson!)!;
        Assert.Equal("link", (string?)data["proof"]);
        Assert.Equal("127.0.0.1", (string?)data["evidence"]!["ip"]);
        Assert.Equal(PageClient.UserAgent, (string?)data["evidence"]!["userAgent"]);
        Assert.Equal("2026-11-23T09:03:00Z", (string?)data["evidence"]!["at"]);
        var used = Assert.Single(await host.TokensAsync(task.Id), t => t.ConsumedAt is not null);
        Assert.Equal(Notifications.Links.LinkPurpose.TaskAnswer, used.Purpose);
        Assert.Equal(PageClient.UserAgent, used.ConsumedUserAgent);
    }

    [Theory]
    [InlineData("127.0.0.1", "203.0.113.7")]
    [InlineData(null, "127.0.0.1")]
    public async Task Behind_a_known_proxy_the_journal_keeps_the_readers_address_and_otherwise_the_header_is_ignored(string? knownProxy, string recorded)
    {
        await using var host = await TaskPageHost.StartAsync(knownProxy: knownProxy);
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient(forwardedFor: "203.0.113.7");
        await browser.GetAsync(link);

        await browser.PostAsync(link, ("outcome", "approve"));

        var completed = Assert.Single(await host.JournalAsync(task.InstanceId), e => e.Kind == JournalKind.TaskCompleted);
        Assert.Equal(recorded, (string?)JsonNode.Parse(completed.DataJson!)!["evidence"]!["ip"]);
    }

    [Fact]
    public async Task A_reject_without_a_comment_is_refused_with_the_form_again_and_nothing_changes()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        var before = await StateAsync(host, task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);

        var page = await browser.PostAsync(link, ("outcome", "reject"), ("comment", "  "));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("Skriv en kommentar", page.Text, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"outcome\" value=\"reject\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(host, task));
    }

    [Fact]
    public async Task A_decision_is_recorded_with_its_date_and_paragraph_and_refused_without_them()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("decision");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        var form = await browser.GetAsync(link);
        Assert.Contains("<label for=\"field-paragraph\">Paragraf (krävs)</label>", form.Html, StringComparison.Ordinal);

        var refused = await browser.PostAsync(link, ("outcome", "approve"), ("data.decisionDate", "2026-12-09"));
        var recorded = await browser.PostAsync(link, ("outcome", "approve"), ("data.decisionDate", "2026-12-09"), ("data.paragraph", "§ 12"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Fyll i paragraf", refused.Text, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-09\"", refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        var answer = JsonNode.Parse((await host.TaskAsync(task.Id)).AnswerDataJson!)!;
        Assert.Equal(("2026-12-09", "§ 12"), ((string?)answer["decisionDate"], (string?)answer["paragraph"]));
    }

    [Fact]
    public async Task Unknown_tampered_and_foreign_secrets_get_the_same_404_page_that_names_no_task()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        var code = await host.CodeAsync(task);
        var before = await StateAsync(host, task);
        var tampered = link[..^1] + (link[^1] == 'A' ? 'B' : 'A');
        using var browser = host.NewClient();

        var pages = new List<Page>
        {
            await browser.GetAsync("/t/AAAAAAAAAAAAAAAAAAAAAA"),
            await browser.GetAsync(tampered),
            // A code is not a link, and a link's secret is not a code.
            await browser.GetAsync("/t/" + code),
            await browser.GetAsync("/t/" + new string('x', 500)),
        };
        await browser.GetAsync("/t/kod");
        var codePage = await browser.PostAsync("/t/kod", ("code", link.Split('/')[^1]));
        var posted = await browser.PostAsync(tampered, ("outcome", "approve"));

        Assert.All(pages.Append(posted), page =>
        {
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.Equal("Länken fungerar inte", page.Heading);
            Assert.DoesNotContain("verksamhetsplan", page.Text, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("no-store", page.Headers["Cache-Control"]);
        });
        Assert.Equal(HttpStatusCode.NotFound, codePage.Status);
        Assert.Contains("Koden är okänd", codePage.Text, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(host, task));
    }

    [Fact]
    public async Task An_expired_link_gets_a_410_page_and_the_answer_is_not_taken()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);
        // Due 4 December; the link holds 14 days more, to the end of 18 December.
        host.Clock.Reset(Instant.FromUtc(2026, 12, 18, 22, 59));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).Status);
        host.Clock.Reset(Instant.FromUtc(2026, 12, 18, 23, 0));
        var before = await StateAsync(host, task);

        var shown = await browser.GetAsync(link);
        var posted = await browser.PostAsync(link, ("outcome", "approve"));

        Assert.Equal((HttpStatusCode.Gone, "Länken har gått ut"), (shown.Status, shown.Heading));
        Assert.Equal((HttpStatusCode.Gone, "Länken har gått ut"), (posted.Status, posted.Heading));
        Assert.Equal(before, await StateAsync(host, task));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        var before = await StateAsync(host, task);
        using var otherSite = host.NewClient();

        var page = await otherSite.PostWithoutTokenAsync(link, ("outcome", "approve"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Formuläret kunde inte kontrolleras", page.Heading);
        Assert.Equal(before, await StateAsync(host, task));
    }

    [Fact]
    public async Task Two_concurrent_posts_record_one_outcome()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        using var first = host.NewClient();
        using var second = host.NewClient();
        await first.GetAsync(link);
        await second.GetAsync(link);

        var pages = await Task.WhenAll(
            first.PostAsync(link, ("outcome", "approve")),
            second.PostAsync(link, ("outcome", "reject"), ("comment", "Nej.")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], pages.Select(p => p.Status).Order());
        Assert.Single(await host.JournalAsync(task.InstanceId), e => e.Kind == JournalKind.TaskCompleted);
        var answered = await host.TaskAsync(task.Id);
        var winner = pages.Single(p => p.Status == HttpStatusCode.OK);
        Assert.Contains(answered.Outcome == "approve" ? "”Godkänn”" : "”Avslå”", winner.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_from_the_mail_opens_and_answers_the_task_when_a_scanner_used_the_link_up()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var code = await host.CodeAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync("/t/kod");

        var page = await browser.PostAsync("/t/kod", ("code", code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        var receipt = await browser.PostAsync("/t/kod/svar", ("code", code), ("outcome", "approve"));

        Assert.Equal((HttpStatusCode.OK, "Godkänn verksamhetsplanen 2027"), (page.Status, page.Heading));
        Assert.Equal((HttpStatusCode.OK, "Tack, ditt svar är mottaget"), (receipt.Status, receipt.Heading));
        var completed = Assert.Single(await host.JournalAsync(task.InstanceId), e => e.Kind == JournalKind.TaskCompleted);
        Assert.Equal("code", (string?)JsonNode.Parse(completed.DataJson!)!["proof"]);
    }

    [Fact]
    public async Task Signing_is_recorded_only_with_the_code_from_a_second_mail_and_the_record_names_that_proof()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("signing");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);

        var asked = await browser.PostAsync(link, ("outcome", "sign"));
        var mail = Assert.Single(await host.OutboxAsync(), m => m.Subject.StartsWith("Din bekräftelsekod", StringComparison.Ordinal));
        var confirmation = System.Text.RegularExpressions.Regex.Match(mail.TextBody, "[0-9A-Z]{5}-[0-9A-Z]{5}").Value;
        var stillOpen = (await host.TaskAsync(task.Id)).Status;
        var wrong = await browser.PostAsync(link + "/bekrafta", ("outcome", "sign"), ("confirmation", "AAAAA-AAAAA"));
        var api = await host.Host.Client.PostAsync($"/api/tasks/{task.Id}/complete", System.Net.Http.Json.JsonContent.Create(new { outcome = "sign" }));
        var signed = await browser.PostAsync(link + "/bekrafta", ("outcome", "sign"), ("confirmation", confirmation));

        Assert.Equal((HttpStatusCode.OK, "Bekräfta med kod"), (asked.Status, asked.Heading));
        Assert.Equal(TaskPageHost.Anna, mail.To);
        Assert.Equal(HumanTaskStatus.Open, stillOpen);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "Tack, ditt svar är mottaget"), (signed.Status, signed.Heading));
        var completed = Assert.Single(await host.JournalAsync(task.InstanceId), e => e.Kind == JournalKind.TaskCompleted);
        Assert.Equal("link+confirmationCode", (string?)JsonNode.Parse(completed.DataJson!)!["proof"]);
        var tokens = await host.TokensAsync(task.Id);
        Assert.Equal(2, tokens.Count(t => t.ConsumedAt is not null));
        // The code's mail names the code it carries, so it is withdrawn rather than sent once the code is dead.
        Assert.Equal(Assert.Single(tokens, t => t.Purpose == Notifications.Links.LinkPurpose.ConfirmationCode).Id, Assert.Single(mail.LinkTokenIds));
    }

    [Fact]
    public async Task Five_wrong_confirmation_codes_burn_the_pending_code_and_a_new_one_must_be_asked_for()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("signing");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);
        await browser.PostAsync(link, ("outcome", "sign"));
        var first = ConfirmationCodes(await host.OutboxAsync()).Single();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await browser.PostAsync(link + "/bekrafta", ("outcome", "sign"), ("confirmation", $"AAAAA-AAAA{i}"))).Status);
        }

        var burnt = await browser.PostAsync(link + "/bekrafta", ("outcome", "sign"), ("confirmation", first));
        await browser.PostAsync(link, ("outcome", "sign"));
        var second = ConfirmationCodes(await host.OutboxAsync()).Single(c => c != first);
        var signed = await browser.PostAsync(link + "/bekrafta", ("outcome", "sign"), ("confirmation", second));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, burnt.Status);
        Assert.Equal(HttpStatusCode.OK, signed.Status);
        Assert.Equal(HumanTaskStatus.Completed, (await host.TaskAsync(task.Id)).Status);

        static IEnumerable<string> ConfirmationCodes(IEnumerable<Notifications.Outbox.OutboxMessage> mails) =>
            mails.Where(m => m.Subject.StartsWith("Din bekräftelsekod", StringComparison.Ordinal))
                .Select(m => System.Text.RegularExpressions.Regex.Match(m.TextBody, "[0-9A-Z]{5}-[0-9A-Z]{5}").Value);
    }

    [Fact]
    public async Task A_cancelled_tasks_link_says_the_task_is_no_longer_the_readers()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        var cancel = await host.Host.Client.PostAsync($"/api/instances/{task.InstanceId}/cancel", System.Net.Http.Json.JsonContent.Create(new { reason = "Ärendet utgår." }));
        Assert.True(cancel.IsSuccessStatusCode, await cancel.Content.ReadAsStringAsync());
        using var browser = host.NewClient();

        var page = await browser.GetAsync(link);

        Assert.Equal((HttpStatusCode.Gone, "Uppgiften är inte längre din att besvara"), (page.Status, page.Heading));
    }

    [Fact]
    public async Task Too_many_requests_from_one_client_get_a_429_page()
    {
        await using var host = await TaskPageHost.StartAsync(requestsPerMinute: 3);
        using var browser = host.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await browser.GetAsync("/t/AAAAAAAAAAAAAAAAAAAAAA")).Status);
        }

        var posted = await browser.PostAsync("/t/AAAAAAAAAAAAAAAAAAAAAA", ("outcome", "approve"), ("lang", "en"));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal((HttpStatusCode.TooManyRequests, "För många försök"), (posted.Status, posted.Heading));
    }

    /// <summary>What a page view must not change: the task, the journal and the links' use.</summary>
    internal static async Task<string> StateAsync(TaskPageHost host, HumanTask task)
    {
        var now = await host.TaskAsync(task.Id);
        var journal = await host.JournalAsync(task.InstanceId);
        var tokens = await host.TokensAsync(task.Id);
        return $"{now.Status} {now.Outcome} {now.Version} journal:{journal.Count} used:{tokens.Count(t => t.ConsumedAt is not null)} tokens:{tokens.Count}";
    }
}
