using System.Globalization;
using BusFlow.Accounts.Audit;
using BusFlow.Bus.Boards;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Bus.Model;
using BusFlow.Bus.People;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Accounts;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Web.Pages.Boards;

/// <summary>
/// A board, its meeting plan for a year and its roles. An administrator, or a secretary of the board, reads a
/// plan in from a CSV file (a file with errors is shown back line by line and changes nothing) and assigns
/// roles; the roles are shown today and on another day, by default the next 1 January, changes marked.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class BoardModel(
    IWorkflowStore store, MeetingPlanImport plans, MeetingPlanEditor editor, BoardRegistry registry, AccountScopes scopes, AuditTrail audit,
    RolePreview preview, AssignmentRegistry assignments) : PageModel
{
    private const int MaxUploadBytes = 300 * 1024;
    private const int MaxFileBytes = 256 * 1024;

    public Board Board { get; private set; } = null!;

    public int Year { get; private set; }

    public IReadOnlyList<BoardMeeting> Meetings { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    /// <summary>Who holds which role today and on the day compared (<c>?dag=</c>, by default the next 1 January).</summary>
    public RolePreviewSheet Roles { get; private set; } = null!;

    /// <summary>Everyone in the directory, for the assignment form.</summary>
    public IReadOnlyList<Person> People { get; private set; } = [];

    public FieldErrors AssignErrors { get; private set; } = FieldErrors.None;

    /// <summary>The assignment form as last sent, so that an error keeps what was typed.</summary>
    public (string? Person, string? Role, string? From, string? Until) Assigning { get; private set; }

    public string NextNewYear => LocalDatePattern.Iso.Format(RolePreview.NextNewYear(preview.Today));

    public static string DateOf(LocalDate date) => date.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string TimeOf(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string id, int? ar, int? ny, string? dag)
    {
        if (!await LoadAsync(id, ar, LocalDatePattern.Iso.Parse(dag ?? "") is { Success: true } day ? day.Value : null))
        {
            return NotFound();
        }

        Notice = ny == 1 ? Strings.Board_Created : null;
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(string id, int? ar, string? code, string? name, int? noticeDays, bool noticeInWorkingDays)
    {
        if (await RefusedEditAsync(id, ar) is { } refused)
        {
            return refused;
        }

        var saved = await registry.UpdateAsync(Board.Id, new BoardDraft(Board.OrganizationId, code, name, noticeDays, noticeInWorkingDays), HttpContext.RequestAborted);
        if (saved.Board is null)
        {
            return Refused([.. saved.Errors.Select(BoardText.Of)]);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"board:{Board.Id}", detail: $"particulars: {saved.Board.Code}, {saved.Board.Name}, notice {saved.Board.NoticeDays}{(saved.Board.NoticeInWorkingDays ? " working" : "")} days");
        await LoadAsync(id, Year);
        Notice = Strings.Board_DetailsSaved;
        return Page();
    }

    public bool IsAhead(BoardMeeting meeting) => meeting.Date >= editor.Today;

    /// <summary>Today as the date input's minimum (yyyy-MM-dd).</summary>
    public string Today => LocalDatePattern.Iso.Format(editor.Today);

    public async Task<IActionResult> OnPostImportAsync(string id, int? ar, IFormFile? plan)
    {
        if (await RefusedEditAsync(id, ar) is { } refused)
        {
            return refused;
        }

        if (plan is null || plan.Length == 0 || plan.Length > MaxFileBytes)
        {
            return Refused([plan is null || plan.Length == 0 ? Strings.Board_NoFile : Strings.Board_FileTooLarge]);
        }

        using var content = new MemoryStream();
        await plan.CopyToAsync(content, HttpContext.RequestAborted);
        var result = await plans.ImportAsync(Board.Id, Year, content.ToArray(), AuditTrail.ActorOf(User), HttpContext.RequestAborted);
        if (result.Changes is not { } changes)
        {
            return Refused([string.Format(CultureInfo.CurrentCulture, Strings.Board_ImportFailed, result.Errors.Count), .. result.Errors.Select(MeetingPlanText.Of)]);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"board:{Board.Id}",
            detail: $"meeting plan {Year} read in from {plan.FileName}: {changes.Added} new, {changes.Changed} changed, {changes.Removed} removed{DeadlineDetail(changes.Deadlines)}");
        await LoadAsync(id, Year);
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Board_Imported, changes.Planned, Year, changes.Added, changes.Changed, changes.Removed) + DeadlineNotice(changes.Deadlines);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string id, int? ar, string? date, string? time, string? place)
    {
        if (await RefusedEditAsync(id, ar) is { } refused)
        {
            return refused;
        }

        var day = LocalDatePattern.Iso.Parse(date ?? "");
        var at = string.IsNullOrWhiteSpace(time) ? ParseResult<LocalTime>.ForValue(new LocalTime(13, 0)) : LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(time);
        if (!day.Success || !at.Success)
        {
            return Refused([.. new[] { day.Success ? null : Strings.Board_BadDate, at.Success ? null : Strings.Board_BadTime }.OfType<string>()]);
        }

        var added = await editor.AddAsync(Board.Id, day.Value, at.Value, place, AuditTrail.ActorOf(User), HttpContext.RequestAborted);
        if (added.Outcome != MeetingEditOutcome.Done)
        {
            return Refused([string.Format(CultureInfo.CurrentCulture, added.Outcome switch
            {
                MeetingEditOutcome.Taken => Strings.Board_MeetingTaken,
                MeetingEditOutcome.InThePast => Strings.MeetingPlan_InThePast,
                _ => Strings.MeetingPlan_TooLong,
            }, DateOf(day.Value))]);
        }

        var meeting = added.Meeting!;
        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"board:{Board.Id}", detail: $"meeting {meeting.Date:yyyy-MM-dd} {TimeOf(meeting.StartsAt)} added{DeadlineDetail(added.Deadlines)}");
        await LoadAsync(id, Year);
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Board_Added, DateOf(meeting.Date)) + DeadlineNotice(added.Deadlines);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, int? ar, Guid meeting)
    {
        if (await RefusedEditAsync(id, ar) is { } refused)
        {
            return refused;
        }

        var removal = await editor.RemoveAsync(Board.Id, meeting, AuditTrail.ActorOf(User), HttpContext.RequestAborted);
        if (removal.Outcome != MeetingEditOutcome.Done)
        {
            return Refused([removal.Outcome == MeetingEditOutcome.InThePast
                ? string.Format(CultureInfo.CurrentCulture, Strings.Board_MeetingHeld, DateOf(removal.Meeting!.Date))
                : Strings.Board_NoSuchMeeting]);
        }

        var removed = removal.Meeting!;
        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"board:{Board.Id}", detail: $"meeting {removed.Date:yyyy-MM-dd} removed{DeadlineDetail(removal.Deadlines)}");
        await LoadAsync(id, Year);
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Board_Removed, DateOf(removed.Date)) + DeadlineNotice(removal.Deadlines);
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(string id, int? ar, string? person, string? role, string? from, string? until)
    {
        if (await RefusedEditAsync(id, ar) is { } refused)
        {
            return refused;
        }

        Assigning = (person, role, from, until);
        var form = AssignmentForm.Read(role, from, until);
        if (string.IsNullOrWhiteSpace(person))
        {
            form.Errors.Add("personId", string.Format(CultureInfo.CurrentCulture, Strings.AssignmentProblem_Required, Strings.AssignmentField_personId));
        }

        if (form.Errors.Any)
        {
            AssignErrors = form.Errors;
            return Refused(AssignErrors.Summary);
        }

        var saved = await assignments.AddAsync(new AssignmentDraft(person, form.Role, Board.Id, null, form.From, form.Until), HttpContext.RequestAborted);
        if (saved.Assignment is not { } assignment)
        {
            AssignErrors = PeopleText.ErrorsOf(saved.Errors);
            return Refused(AssignErrors.Summary);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"board:{Board.Id}", detail: AssignmentForm.Describe("assigned", assignment));
        await LoadAsync(id, Year);
        Assigning = default;
        var name = People.FirstOrDefault(p => p.Id == assignment.PersonId)?.Name ?? assignment.PersonId;
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Board_RoleAssigned, name, PeopleText.RoleInText(assignment.Role), PeopleText.PeriodOf(assignment));
        return Page();
    }

    /// <summary>What the page says of the decisions a removed meeting moved, after the notice of the change itself.</summary>
    private static string DeadlineNotice(IReadOnlyList<DeadlineMove> deadlines)
    {
        var moved = deadlines.Count(d => d.Moved);
        var waiting = deadlines.Count - moved;
        return (moved > 0 ? " " + string.Format(CultureInfo.CurrentCulture, Strings.Board_DecisionsMoved, moved) : "")
            + (waiting > 0 ? " " + string.Format(CultureInfo.CurrentCulture, Strings.Board_DecisionsUnplanned, waiting) : "");
    }

    private static string DeadlineDetail(IReadOnlyList<DeadlineMove> deadlines) =>
        deadlines.Count == 0 ? "" : "; decisions " + string.Join(", ", deadlines.Select(d => $"task {d.TaskId} {d.From:yyyy-MM-dd} → {(d.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "no meeting planned")}"));

    /// <summary>Loads the board for a change: a missing board is a 404, a person who may not change its plan is refused.</summary>
    private async Task<IActionResult?> RefusedEditAsync(string id, int? year) =>
        !await LoadAsync(id, year) ? NotFound() : !MayEdit ? Forbid() : null;

    private PageResult Refused(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, int? year, LocalDate? rolesOn = null)
    {
        var ct = HttpContext.RequestAborted;
        Year = year is { } asked && MeetingPlanImport.IsPlanYear(asked) ? asked : plans.Today.Year;
        // The scope reads the directory in a session of its own: before this one, which on SQLite holds the write lock.
        var scope = await scopes.ForAsync(User, ct);
        await using (var session = await store.BeginAsync(ct))
        {
            var records = session.Facet<IBusRecords>();
            if (await records.FindBoardAsync(id, ct) is not { } board || !scope.SeesOrganization(board.OrganizationId))
            {
                return false;
            }

            Board = board;
            Meetings = await records.ListMeetingsAsync(board.Id, new LocalDate(Year, 1, 1), new LocalDate(Year, 12, 31), ct);
            MayEdit = scope.KeepsBoard(board.Id) && BusFlowPolicies.MayWrite(User);
            People = MayEdit ? await records.ListPeopleAsync(ct) : [];
        }

        // The preview reads in a session of its own, after this one has let go of the write lock.
        Roles = (await preview.OfAsync(Board.Id, rolesOn, ct))!;
        return true;
    }
}
