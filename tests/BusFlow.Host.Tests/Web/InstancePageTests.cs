using System.Net;
using System.Net.Http.Json;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// The instances pages on a pinned clock: the list with its filters and paging, an instance's page
/// with its timeline, tasks, timers and mail, retry and cancel for administrators, the upcoming
/// timers, and the alarm (on the pages and in /health/ready) while a timer is late.
/// </summary>
public sealed class InstancePageTests(InstancePagesHost host) : IClassFixture<InstancePagesHost>
{
    [Fact]
    public async Task A_viewer_filters_the_instances_by_agreement_and_state_and_sees_the_count_and_the_late_timer_alarm()
    {
        var page = await host.Viewer.Http.GetAsync($"/instanser?overenskommelse={InstancePagesHost.AgreementId}&namnd={InstancePagesHost.BoardId}&tillstand=Waiting");
        var text = await PageText.OfAsync(page);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Instans 1–1 av 1", text, StringComparison.Ordinal);
        Assert.Contains("Godkännande av verksamhetsplan", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/instanser/{host.ApprovalId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Timrar är försenade", text, StringComparison.Ordinal);
        Assert.Contains("Försenade timrar: 1. Den äldsta skulle ha gått 2026-11-23 09:00. En timer räknas som försenad 5 minuter efter sin tid", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Free_text_finds_an_instance_by_its_workflow_ignoring_case_and_a_filter_that_matches_nothing_says_so()
    {
        var found = await PageText.OfAsync(await host.Viewer.Http.GetAsync("/instanser?text=PLAN-approval"));
        var none = await PageText.OfAsync(await host.Viewer.Http.GetAsync("/instanser?text=no-such-thing"));

        Assert.Contains("Instans 1–1 av 1", found, StringComparison.Ordinal);
        Assert.Contains("Inga instanser matchar filtret.", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_filter_values_get_a_400_page_that_names_each_field_and_lists_nothing()
    {
        var page = await host.Viewer.Http.GetAsync("/instanser?tillstand=Sleeping&namnd=no-such-board&sida=zwei");
        var text = await PageText.OfAsync(page);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Tillstånd: ”Sleeping” finns inte. Välj ett värde i listan.", text, StringComparison.Ordinal);
        Assert.Contains("Nämnd: ”no-such-board” finns inte. Välj ett värde i listan.", text, StringComparison.Ordinal);
        Assert.Contains("Sida: ”zwei” är inget sidnummer.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Instans 1–", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_pages_by_fifty_with_next_and_previous_links_that_keep_the_filter()
    {
        var started = await Task.WhenAll(Enumerable.Range(0, 51).Select(_ => host.StartAsync("approval", new { subject = "Sida", approver = "sida@exempelby.test" })));
        Assert.Equal(51, started.Length);

        var first = await host.Viewer.Http.GetAsync("/instanser?arbetsflode=approval");
        var firstHtml = await first.Content.ReadAsStringAsync();
        var second = await host.Viewer.Http.GetAsync("/instanser?arbetsflode=approval&sida=2");
        var secondText = await PageText.OfAsync(second);
        var secondHtml = await second.Content.ReadAsStringAsync();

        Assert.Contains("Instans 1–50 av", await PageText.OfAsync(first), StringComparison.Ordinal);
        Assert.Contains("href=\"/instanser?arbetsflode=approval&amp;sida=2\" rel=\"next\"", firstHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", firstHtml, StringComparison.Ordinal);
        Assert.Contains("Instans 51–", secondText, StringComparison.Ordinal);
        Assert.Contains("href=\"/instanser?arbetsflode=approval&amp;sida=1\" rel=\"prev\"", secondHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instances_page_shows_its_input_timeline_in_stockholm_time_open_task_timers_and_mail_without_secrets()
    {
        var page = await host.Viewer.Http.GetAsync($"/instanser/{host.ApprovalId}");
        var text = await PageText.OfAsync(page);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("plan-approval, version 1", text, StringComparison.Ordinal);
        Assert.Contains($"agreement {InstancePagesHost.AgreementId}", text, StringComparison.Ordinal);
        Assert.Contains($"2026-11-23 10:00 Uppgiften ”{InstancePagesHost.TaskTitle}” gavs till {InstancePagesHost.Chair}, sista dag 2026-12-04", text, StringComparison.Ordinal);
        Assert.Contains("4 påminnelser planerades, den första 2026-12-02 08:00", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/mina-uppgifter/{host.ApprovalTask.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"2026-11-23 09:00 Påminnelse före sista dagen nr 1 om ”{InstancePagesHost.TaskTitle}” till {InstancePagesHost.Chair} Väntar (försenad)", text, StringComparison.Ordinal);
        Assert.Contains($"Påminnelse på sista dagen nr 1 om ”{InstancePagesHost.TaskTitle}” till {InstancePagesHost.Chair} Väntar", text, StringComparison.Ordinal);
        Assert.Matches($"E-post Till Ämne Tillstånd När {InstancePagesHost.Chair} .+ Ska skickas skickas 2026-11-23 10:00", text);
        Assert.DoesNotContain("/t/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("retry-form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cancel-form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_instance_is_a_404_page()
    {
        var page = await host.Viewer.Http.GetAsync($"/instanser/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task An_administrator_retries_a_faulted_instance_and_the_retry_is_journaled_and_audited()
    {
        var id = await host.StartAsync("guarded", new { fail = true });

        var retried = await host.Administrator.PostFormWithTokenOfAsync($"/instanser/{id}", $"/instanser/{id}?handler=Retry");
        var text = await PageText.OfAsync(retried);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Contains("Instansen har körts igen och är nu: Fel.", text, StringComparison.Ordinal);
        Assert.Contains("Försöktes igen", text, StringComparison.Ordinal);
        Assert.Contains(await host.JournalAsync(id), e => e.Kind == JournalKind.Retried && e.Actor == TestAccounts.AdministratorEmail && e.Payload<RetriedPayload>()?.PreviousError == "asked to fail");
        await AssertAuditedAsync(id, "retried from the page; now faulted");
    }

    [Fact]
    public async Task An_administrator_cancels_a_waiting_instance_with_a_reason_that_is_journaled_and_audited()
    {
        var id = await host.StartAsync("approval", new { subject = "Avbryts", approver = "avbryts@exempelby.test" });

        var cancelled = await host.Administrator.PostFormWithTokenOfAsync($"/instanser/{id}", $"/instanser/{id}?handler=Cancel", ("reason", "Startad av misstag"));
        var text = await PageText.OfAsync(cancelled);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("Instansen är avbruten.", text, StringComparison.Ordinal);
        Assert.Contains("Instansen avbröts: Startad av misstag", text, StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Cancelled, (await host.InstanceAsync(id)).Status);
        Assert.Contains(await host.JournalAsync(id), e => e.Kind == JournalKind.Cancelled && e.Payload<CancelledPayload>()?.Reason == "Startad av misstag");
        await AssertAuditedAsync(id, "cancelled from the page: Startad av misstag");
    }

    [Fact]
    public async Task Retrying_an_instance_that_is_not_faulted_says_why_with_a_409_and_changes_nothing()
    {
        var id = await host.StartAsync("approval", new { subject = "Väntar", approver = "vantar@exempelby.test" });
        var journal = (await host.JournalAsync(id)).Count;

        var refused = await host.Administrator.PostFormWithTokenOfAsync($"/instanser/{id}", $"/instanser/{id}?handler=Retry");
        var text = await PageText.OfAsync(refused);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Bara en instans med fel kan försökas igen; den här är: Väntar. Ingenting har ändrats.", text, StringComparison.Ordinal);
        Assert.Equal(journal, (await host.JournalAsync(id)).Count);
    }

    [Fact]
    public async Task A_viewer_may_not_cancel_or_retry_and_is_sent_to_the_not_allowed_page()
    {
        var id = await host.StartAsync("approval", new { subject = "Läses", approver = "lases@exempelby.test" });

        var cancel = await host.Viewer.PostFormWithTokenOfAsync($"/instanser/{id}", $"/instanser/{id}?handler=Cancel", ("reason", "nej"));
        var retry = await host.Viewer.PostFormWithTokenOfAsync($"/instanser/{id}", $"/instanser/{id}?handler=Retry");

        Assert.StartsWith("/konto/nekad", cancel.RedirectTarget(), StringComparison.Ordinal);
        Assert.StartsWith("/konto/nekad", retry.RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Waiting, (await host.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task The_upcoming_page_lists_the_reminders_of_the_next_four_weeks_with_the_late_one_marked_and_the_alarm()
    {
        var page = await host.Viewer.Http.GetAsync("/kommande");
        var text = await PageText.OfAsync(page);
        var oneWeek = await PageText.OfAsync(await host.Viewer.Http.GetAsync("/kommande?veckor=1"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Timrar är försenade", text, StringComparison.Ordinal);
        Assert.Contains($"2026-11-23 09:00 (försenad) Påminnelse före sista dagen nr 1 om ”{InstancePagesHost.TaskTitle}” till {InstancePagesHost.Chair} Godkännande av verksamhetsplan", text, StringComparison.Ordinal);
        Assert.Contains($"Påminnelse på sista dagen nr 1 om ”{InstancePagesHost.TaskTitle}”", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Påminnelse på sista dagen", oneWeek, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_week_count_that_is_not_offered_gets_a_400_that_names_the_field()
    {
        var page = await host.Viewer.Http.GetAsync("/kommande?veckor=52");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Veckor framåt: ”52” går inte att välja. Välj 1, 4 eller 12.", await PageText.OfAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_is_healthy_with_no_late_timers_and_degraded_with_the_count_and_oldest_due_once_one_is_late()
    {
        var anonymous = host.Host.AnonymousClient();

        var ready = await anonymous.GetAsync("/health/ready");
        var body = await ready.ReadJsonAsync();
        var health = await anonymous.GetAsync("/health");

        Assert.Equal(200, host.ReadinessBeforeLate.Status);
        Assert.Equal("Healthy", host.ReadinessBeforeLate.Body.GetProperty("status").GetString());
        Assert.Equal(0, host.ReadinessBeforeLate.Body.GetProperty("lateTimers").GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("lateTimers").GetProperty("count").GetInt32());
        Assert.Equal("2026-11-23T08:00:00Z", body.GetProperty("lateTimers").GetProperty("oldestDue").GetString());
        Assert.Equal("""{"status":"Healthy"}""", await health.Content.ReadAsStringAsync());
    }

    private async Task AssertAuditedAsync(Guid id, string detail)
    {
        var audit = await host.Host.Client.GetFromJsonAsync<List<BusFlow.Host.Api.Accounts.AuditLineResponse>>(
            $"/api/audit?actor={Uri.EscapeDataString(TestAccounts.AdministratorEmail)}&action=change", RunningHost.Json);
        Assert.Contains(audit!, l => l.Target == $"instance:{id}" && l.Detail == detail);
    }
}
