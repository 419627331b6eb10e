using System.Globalization;
using BusFlow.Accounts.Audit;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Accounts;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace BusFlow.Web.Pages.Boards;

/// <summary>
/// A board and its meeting plan for a year. An administrator, or a secretary of the board, reads a
/// plan in from a CSV file; a file with errors is shown back line by line and changes nothing.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class BoardModel(IWorkflowStore store, MeetingPlanImport plans, AccountScopes scopes, AuditTrail audit) : PageModel
{
    private const int MaxUploadBytes = 300 * 1024;
    private const int MaxFileBytes = 256 * 1024;

    public Board Board { get; private set; } = null!;

    public int Year { get; private set; }

    public IReadOnlyList<BoardMeeting> Meetings { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public static string DateOf(LocalDate date) => date.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string TimeOf(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string id, int? ar) =>
        await LoadAsync(id, ar) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, int? ar, IFormFile? plan)
    {
        if (!await LoadAsync(id, ar))
        {
            return NotFound();
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        if (plan is null || plan.Length == 0 || plan.Length > MaxFileBytes)
        {
            return Refused([plan is null || plan.Length == 0 ? Strings.Board_NoFile : Strings.Board_FileTooLarge]);
        }

        using var content = new MemoryStream();
        await plan.CopyToAsync(content, HttpContext.RequestAborted);
        var result = await plans.ImportAsync(Board.Id, Year, content.ToArray(), HttpContext.RequestAborted);
        if (result.Changes is not { } changes)
        {
            return Refused([string.Format(CultureInfo.CurrentCulture, Strings.Board_ImportFailed, result.Errors.Count), .. result.Errors.Select(MeetingPlanText.Of)]);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"board:{Board.Id}",
            detail: $"meeting plan {Year} read in from {plan.FileName}: {changes.Added} new, {changes.Changed} changed, {changes.Removed} removed");
        await LoadAsync(id, Year);
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Board_Imported, changes.Planned, Year, changes.Added, changes.Changed, changes.Removed);
        return Page();
    }

    private PageResult Refused(IReadOnlyList<string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, int? year)
    {
        var ct = HttpContext.RequestAborted;
        Year = year is >= 2000 and <= 2100 ? year.Value : plans.Today.Year;
        // The scope reads the directory in a session of its own: before this one, which on SQLite holds the write lock.
        var scope = await scopes.ForAsync(User, ct);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindBoardAsync(id, ct) is not { } board)
        {
            return false;
        }

        Board = board;
        Meetings = await records.ListMeetingsAsync(board.Id, new LocalDate(Year, 1, 1), new LocalDate(Year, 12, 31), ct);
        MayEdit = (scope.IsAdministrator || scope.ActsForBoard(board.Id)) && BusFlowPolicies.MayWrite(User);
        return true;
    }
}
