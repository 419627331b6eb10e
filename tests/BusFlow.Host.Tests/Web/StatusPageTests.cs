using System.Net;
using BusFlow.Accounts;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Web;

/// <summary>The status board of the demo's renewal on 28 April 2026, read by a viewer and acted on by an administrator.</summary>
public sealed class StatusPageTests(ArrangedStatusBoard arranged) : IClassFixture<ArrangedStatusBoard>
{
    private const string Path = $"/overenskommelser/{StatusBoardHost.AgreementId}/status";

    private RunningHost Host => arranged.Board.Host;

    [Fact]
    public async Task A_viewer_reads_each_boards_state_in_the_renewal_round_and_who_must_act_but_gets_no_actions()
    {
        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);

        using var response = await viewer.Http.GetAsync(Path);
        var html = await response.Content.ReadAsStringAsync();
        var text = await PageText.OfAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("I dag 28 april 2026", text, StringComparison.Ordinal);
        Assert.Contains("data-board=\"sn\" data-state=\"Decided\"", html, StringComparison.Ordinal);
        Assert.Contains("data-board=\"kun\" data-state=\"Reminded\"", html, StringComparison.Ordinal);
        Assert.Contains("data-board=\"bun\" data-state=\"Escalated\"", html, StringComparison.Ordinal);
        Assert.Contains("bifall, 14 april 2026, §", text, StringComparison.Ordinal);
        Assert.Contains("2 påminnelser, senast", text, StringComparison.Ordinal);
        Assert.Contains("Försenade uppgifter 1", text, StringComparison.Ordinal);
        Assert.Contains("Nästa tidsgräns 28 maj 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/status/uppgift/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_english_the_board_says_decided_reminded_and_escalated()
    {
        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);

        var text = await PageText.OfAsync(await viewer.Http.GetAsync(Path + "?lang=en"));

        Assert.Contains("Who must act now", text, StringComparison.Ordinal);
        Assert.Contains("approved, 14 April 2026, §", text, StringComparison.Ordinal);
        Assert.Contains("2 reminders, last", text, StringComparison.Ordinal);
        Assert.Contains("Escalated", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_link_keeps_what_the_page_shows_and_switches_only_the_language()
    {
        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);

        var html = await viewer.Http.GetStringAsync($"/overenskommelser/{StatusBoardHost.AgreementId}/arshjul?ar=2027&lang=sv");

        Assert.Contains("href=\"?ar=2027&amp;lang=en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rounds_own_page_shows_that_round_and_an_unknown_round_is_not_found()
    {
        var round = await RoundIdAsync();
        using var administrator = await TestSessions.AdministratorAsync(Host);

        using var own = await administrator.Http.GetAsync($"{Path}/{round}");
        using var unknown = await administrator.Http.GetAsync($"{Path}/{Guid.NewGuid()}");

        var text = await PageText.OfAsync(own);
        Assert.StartsWith("Beslutsomgång:", text[text.IndexOf("Beslutsomgång:", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Hela överenskommelsen", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_action_without_a_reason_or_with_an_earlier_date_is_refused_with_its_field_named_and_changes_nothing()
    {
        var task = await arranged.Board.OpenDecisionTaskAsync("bun");
        var before = (await arranged.Board.JournalAsync(task.InstanceId)).Count;
        var page = $"{Path}/uppgift/{task.Id}";
        using var administrator = await TestSessions.AdministratorAsync(Host);

        using var noReason = await administrator.PostFormWithTokenOfAsync(page, page + "?handler=Resend", ("reason", "  "));
        using var earlier = await administrator.PostFormWithTokenOfAsync(page, page + "?handler=Extend", ("date", "2026-04-01"), ("reason", "Skäl."));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Skriv ett skäl på högst 500 tecken.", await PageText.OfAsync(noReason), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, earlier.StatusCode);
        Assert.Contains("Det nya förfallodatumet måste vara senare än 15 april 2026 och inte före i dag.", await PageText.OfAsync(earlier), StringComparison.Ordinal);
        Assert.Equal(before, (await arranged.Board.JournalAsync(task.InstanceId)).Count);
    }

    [Fact]
    public async Task A_viewer_who_posts_an_action_is_sent_to_the_refusal_page_and_nothing_is_journaled()
    {
        var task = await arranged.Board.OpenDecisionTaskAsync("kun");
        var before = (await arranged.Board.JournalAsync(task.InstanceId)).Count;
        var page = $"{Path}/uppgift/{task.Id}";
        using var administrator = await TestSessions.AdministratorAsync(Host);
        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);

        // The viewer cannot open the form, so she posts the administrator's form with her own token.
        using var refused = await viewer.PostFormWithTokenOfAsync("/mina-uppgifter", page + "?handler=Resend", ("reason", "Försök."));

        Assert.Contains("/konto/nekad", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(before, (await arranged.Board.JournalAsync(task.InstanceId)).Count);
        Assert.Equal(HttpStatusCode.OK, (await administrator.Http.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_gives_the_round_a_later_last_day_on_its_own_page_and_a_viewer_sees_no_such_form()
    {
        var round = await RoundIdAsync();
        var page = $"{Path}/{round}";
        using var administrator = await TestSessions.AdministratorAsync(Host);
        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);

        using var noHandler = await administrator.PostFormAsync(page, ("date", "2026-12-10"), ("reason", "Skäl."));
        using var noReason = await administrator.PostFormWithTokenOfAsync(page, page + "?handler=ExtendRound", ("date", "2026-12-10"), ("reason", ""));
        using var extended = await administrator.PostFormWithTokenOfAsync(page, page + "?handler=ExtendRound", ("date", "2026-12-10"), ("reason", "KUN sammanträder först i december."));
        var viewersPage = await viewer.Http.GetStringAsync(page);

        Assert.Equal(HttpStatusCode.NotFound, noHandler.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Skriv ett skäl på högst 500 tecken.", await PageText.OfAsync(noReason), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Contains("Omgången slutar nu efter 10 december 2026.", await PageText.OfAsync(extended), StringComparison.Ordinal);
        Assert.DoesNotContain("extend-round-form", viewersPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_that_is_not_the_agreements_is_not_found()
    {
        using var administrator = await TestSessions.AdministratorAsync(Host);

        using var response = await administrator.Http.GetAsync($"{Path}/uppgift/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Guid> RoundIdAsync()
    {
        var task = await arranged.Board.OpenDecisionTaskAsync("bun");
        await using var session = await arranged.Board.Store.BeginAsync();
        return (await session.FindInstanceAsync(task.InstanceId, default))!.ParentInstanceId!.Value;
    }
}
