using System.Net;
using System.Net.Http.Json;
using System.Text;
using BusFlow.Bus.Demo;
using BusFlow.Host.Api.Boards;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// A board's page and its meeting plan, on the demo in late November 2026: the secretary of
/// Socialnämnden reads in her board's plan from a CSV file; others read it.
/// </summary>
public sealed class BoardPageTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private const string OwnBoard = DemoMunicipality.SocialBoardId;
    private const string OtherBoard = DemoMunicipality.ChildrenAndYouthBoardId;

    private SessionClient Secretary => host.Callers[Caller.SecretaryOfAnotherBoard];

    [Fact]
    public async Task The_boards_page_lists_the_boards_with_their_notice_rule_and_links_to_each()
    {
        var page = await host.Callers[Caller.Viewer].Http.GetAsync("/namnder");
        var text = await PageText.OfAsync(page);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Barn- och ungdomsnämnden BUN 4 arbetsdagar före sammanträdet", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/namnder/{OwnBoard}\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secretary_reads_in_her_boards_plan_from_an_excel_export_and_sees_it_in_swedish()
    {
        var csv = "\uFEFFDatum;Tid;Plats;;\r\n2027-02-09;13.00;Stadshuset, sal A;;\r\n9 mars 2027;kl. 9.30;\"Östra salen; plan 2\";;\r\n";

        var read = await Secretary.PostFileAsync($"/namnder/{OwnBoard}?ar=2027", "plan", "sammantradesplan.csv", Encoding.UTF8.GetBytes(csv), $"/namnder/{OwnBoard}?ar=2027&handler=Import");
        var text = await PageText.OfAsync(read);
        var meetings = await MeetingsAsync(OwnBoard, 2027);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("2 sammanträden för 2027 är inlästa", text, StringComparison.Ordinal);
        Assert.Contains("tisdag 9 februari 2027 13:00 Stadshuset, sal A", text, StringComparison.Ordinal);
        Assert.Contains("tisdag 9 mars 2027 09:30 Östra salen; plan 2", text, StringComparison.Ordinal);
        Assert.Equal(["2027-02-09 13:00 Stadshuset, sal A", "2027-03-09 09:30 Östra salen; plan 2"],
            meetings.Select(m => $"{m.Date:yyyy-MM-dd} {m.StartsAt:HH:mm} {m.Place}"));
        var audit = await host.Host.Client.GetFromJsonAsync<List<BusFlow.Host.Api.Accounts.AuditLineResponse>>(
            $"/api/audit?actor={Uri.EscapeDataString(host.SecretaryEmail)}&action=change", RunningHost.Json);
        Assert.Contains(audit!, l => l.Target == $"board:{OwnBoard}" && l.Detail!.StartsWith("meeting plan 2027 read in from sammantradesplan.csv: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_with_one_bad_line_is_shown_back_by_line_and_column_and_changes_nothing()
    {
        var before = await MeetingsAsync(OwnBoard, 2028);
        var csv = "Datum;Tid;Plats\n2028-02-08;13.00;Stadshuset\n2028-02-30;13.00;Stadshuset\n2028-03-14;25.00;Stadshuset\n";

        var refused = await Secretary.PostFileAsync($"/namnder/{OwnBoard}?ar=2028", "plan", "plan.csv", Encoding.UTF8.GetBytes(csv), $"/namnder/{OwnBoard}?ar=2028&handler=Import");
        var text = await PageText.OfAsync(refused);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Filen har 2 fel. Ingenting har sparats", text, StringComparison.Ordinal);
        Assert.Contains("Rad 3, kolumn 1: ”2028-02-30” är inget datum.", text, StringComparison.Ordinal);
        Assert.Contains("Rad 4, kolumn 2: ”25.00” är ingen tid.", text, StringComparison.Ordinal);
        Assert.Equal(before, await MeetingsAsync(OwnBoard, 2028));
    }

    [Fact]
    public async Task A_secretary_reads_another_boards_plan_but_is_offered_no_upload_and_may_not_post_one()
    {
        var before = await MeetingsAsync(OtherBoard, 2027);

        var page = await Secretary.Http.GetAsync($"/namnder/{OtherBoard}?ar=2027");
        var posted = await Secretary.PostFileAsync($"/namnder/{OtherBoard}?ar=2027", "plan", "plan.csv", Encoding.UTF8.GetBytes("2027-02-10;13.00;Stadshuset\n"), $"/namnder/{OtherBoard}?ar=2027&handler=Import");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("type=\"file\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/konto/nekad", posted.RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal(before, await MeetingsAsync(OtherBoard, 2027));
    }

    [Fact]
    public async Task A_secretary_adds_a_meeting_in_the_form_is_told_when_the_day_is_taken_and_takes_it_out_again()
    {
        const string Page = $"/namnder/{OwnBoard}?ar=2031";
        (string, string)[] fields = [("date", "2031-12-02"), ("time", "10:00"), ("place", "Rådhuset")];

        var added = await Secretary.PostFormWithTokenOfAsync(Page, Page + "&handler=Add", fields);
        var again = await Secretary.PostFormWithTokenOfAsync(Page, Page + "&handler=Add", fields);
        var meeting = Assert.Single(await MeetingsAsync(OwnBoard, 2031), m => m.Date == new NodaTime.LocalDate(2031, 12, 2));
        var removed = await Secretary.PostFormWithTokenOfAsync(Page, Page + "&handler=Remove", ("meeting", meeting.Id.ToString()));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("Sammanträdet tisdag 2 december 2031 är tillagt.", await PageText.OfAsync(added), StringComparison.Ordinal);
        Assert.Equal((new NodaTime.LocalTime(10, 0), "Rådhuset"), (meeting.StartsAt, meeting.Place));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("Nämnden har redan ett sammanträde tisdag 2 december 2031.", await PageText.OfAsync(again), StringComparison.Ordinal);
        Assert.Contains("Sammanträdet tisdag 2 december 2031 är borttaget.", await PageText.OfAsync(removed), StringComparison.Ordinal);
        Assert.DoesNotContain(await MeetingsAsync(OwnBoard, 2031), m => m.Date == new NodaTime.LocalDate(2031, 12, 2));
    }

    [Fact]
    public async Task A_held_meeting_offers_no_removal_and_a_coming_one_does()
    {
        var page = await (await Secretary.Http.GetAsync($"/namnder/{OwnBoard}?ar=2026")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("aria-label=\"Ta bort sammanträdet tisdag 10 november 2026\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Ta bort sammanträdet tisdag 8 december 2026\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_creates_a_board_and_a_code_the_organization_has_already_is_named_and_nothing_saved()
    {
        var administrator = host.Callers[Caller.Administrator];
        var before = await BoardsAsync();

        var taken = await administrator.PostFormWithTokenOfAsync("/namnder", "/namnder?handler=Create",
            ("organizationId", DemoMunicipality.OrganizationId), ("code", "sn"), ("name", "Sociala nämnden"), ("noticeDays", "5"));
        var afterTaken = await BoardsAsync();
        var created = await administrator.PostFormWithTokenOfAsync("/namnder", "/namnder?handler=Create",
            ("organizationId", DemoMunicipality.OrganizationId), ("code", "MBN"), ("name", "Miljö- och byggnadsnämnden"), ("noticeDays", "7"), ("noticeInWorkingDays", "true"));
        var page = await administrator.Http.GetAsync(created.RedirectTarget());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.Contains("Förkortning: en annan nämnd i organisationen har redan den förkortningen.", await PageText.OfAsync(taken), StringComparison.Ordinal);
        Assert.Equal(before.Count, afterTaken.Count);
        Assert.Equal("/namnder/exempelby-mbn?ny=1", created.RedirectTarget());
        Assert.Contains("Miljö- och byggnadsnämnden MBN · 7 arbetsdagar före sammanträdet Nämnden är skapad.", await PageText.OfAsync(page), StringComparison.Ordinal);
        Assert.Contains(await BoardsAsync(), b => b is { Id: "exempelby-mbn", Code: "MBN", NoticeDays: 7, NoticeInWorkingDays: true });
    }

    [Fact]
    public async Task An_administrator_adds_an_organization_and_it_is_offered_for_the_next_board()
    {
        var administrator = host.Callers[Caller.Administrator];

        var created = await administrator.PostFormWithTokenOfAsync("/namnder", "/namnder?handler=Organization", ("name", "Polismyndigheten"), ("kind", "Other"));
        var html = await created.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Organisationen Polismyndigheten är skapad", await PageText.OfAsync(created), StringComparison.Ordinal);
        Assert.Contains("<option value=\"polismyndigheten\" selected=\"selected\">Polismyndigheten</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"organization-form\"", await (await Secretary.Http.GetAsync("/namnder")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secretary_changes_her_boards_notice_rule_but_may_not_change_another_boards()
    {
        const string Own = $"/namnder/{OwnBoard}";
        const string Other = $"/namnder/{OtherBoard}";

        var saved = await Secretary.PostFormWithTokenOfAsync(Own, Own + "?handler=Details", ("code", "SN"), ("name", "Socialnämnden"), ("noticeDays", "8"), ("noticeInWorkingDays", "true"));
        var refused = await Secretary.PostFormWithTokenOfAsync(Own, Other + "?handler=Details", ("code", "BUN"), ("name", "Något annat"), ("noticeDays", "1"));
        var bad = await Secretary.PostFormWithTokenOfAsync(Own, Own + "?handler=Details", ("code", "S N"), ("name", ""), ("noticeDays", "99"));

        Assert.Contains("Uppgifterna är sparade.", await PageText.OfAsync(saved), StringComparison.Ordinal);
        Assert.StartsWith("/konto/nekad", refused.RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = await PageText.OfAsync(bad);
        Assert.Contains("Förkortning: bara bokstäver, siffror och bindestreck", errors, StringComparison.Ordinal);
        Assert.Contains("Namn: måste fyllas i.", errors, StringComparison.Ordinal);
        Assert.Contains("Kallelse: mellan 0 och 60 dagar.", errors, StringComparison.Ordinal);
        var boards = await BoardsAsync();
        Assert.Contains(boards, b => b is { Id: OwnBoard, Code: "SN", NoticeDays: 8, NoticeInWorkingDays: true });
        Assert.Contains(boards, b => b is { Id: OtherBoard, Name: "Barn- och ungdomsnämnden", NoticeDays: 4 });
    }

    private async Task<List<BoardResponse>> BoardsAsync() =>
        (await host.Host.Client.GetFromJsonAsync<List<BoardResponse>>("/api/boards", RunningHost.Json))!;

    private async Task<List<MeetingResponse>> MeetingsAsync(string board, int year) =>
        (await host.Host.Client.GetFromJsonAsync<List<MeetingResponse>>($"/api/boards/{board}/meetings?year={year}", RunningHost.Json))!;
}
