using System.Globalization;
using BusFlow.Accounts.Audit;
using BusFlow.Bus.Model;
using BusFlow.Bus.Status;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Accounts;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>
/// An agreement's status board on today's date: who must act now (every open task of its workflows,
/// overdue first to see), and each decision round with every party's state, reminders, decision and
/// signature. With a round's id, that round alone, where an administrator can give a running round a
/// later last day. Readers who see the agreement read it; an administrator reaches each open task's
/// actions from here.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class StatusModel(
    VisibleAgreements visible, IWorkflowStore store, EngineOptions engine, SignInSettings settings, IClock clock, TaskInterventions interventions, AuditTrail audit) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;

    public AgreementStatusBoard Board { get; private set; } = null!;

    public IReadOnlyList<RoundStatus> Rounds { get; private set; } = [];

    public Guid? Round { get; private set; }

    public DateTimeZone Zone => engine.TimeZone;

    public string? Notice { get; private set; }

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    /// <summary>The extension form as last sent, so that an error keeps what was typed.</summary>
    public (string Date, string Reason) Typed { get; private set; } = ("", "");

    public bool MayAct => BusFlowPolicies.ActsAsAdministrator(User, settings) && BusFlowPolicies.MayWrite(User);

    private IReadOnlyDictionary<string, string> _boardNames = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string> _peopleByAddress = new Dictionary<string, string>();

    public string BoardName(string id) => _boardNames.GetValueOrDefault(id, id);

    /// <summary>The person's name and address, or the address alone when the directory does not know it.</summary>
    public string Who(string address) =>
        StatusText.Who(_peopleByAddress.GetValueOrDefault(address), address);

    public async Task<IActionResult> OnGetAsync(string id, Guid? round) =>
        await LoadAsync(id, round) ? Page() : NotFound();

    /// <summary>Gives the round a later last day (administrators only): on the round's own page.</summary>
    public async Task<IActionResult> OnPostExtendRoundAsync(string id, Guid? round, string? date, string? reason)
    {
        if (round is not { } roundId || !await LoadAsync(id, round))
        {
            return NotFound();
        }

        if (!MayAct)
        {
            return Forbid();
        }

        var day = LocalDatePattern.Iso.Parse(date?.Trim() ?? "") is { Success: true } parsed ? parsed.Value : (LocalDate?)null;
        var outcome = await interventions.ExtendRoundAsync(id, roundId, day, reason, AuditTrail.ActorOf(User), HttpContext.RequestAborted);
        if (outcome == InterventionOutcome.Done)
        {
            await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"instance:{roundId}", detail: $"decision round extended to {day:yyyy-MM-dd} (agreement {id}): {reason?.Trim()}");
            await LoadAsync(id, round);
            Notice = string.Format(CultureInfo.CurrentCulture, Strings.StatusRound_Extended, AgreementText.Date(Rounds[0].Deadline!.Value));
            return Page();
        }

        var errors = new FieldErrors();
        switch (outcome)
        {
            case InterventionOutcome.ReasonNeeded:
                errors.Add("round-reason", string.Format(CultureInfo.CurrentCulture, Strings.StatusTask_ReasonNeeded, TaskInterventions.ReasonMaxLength));
                break;
            case InterventionOutcome.DateNotLater:
                errors.Add("deadline", Rounds[0].Deadline is { } present
                    ? string.Format(CultureInfo.CurrentCulture, Strings.StatusRound_DateNotLater, AgreementText.Date(present))
                    : Strings.StatusTask_DateNeeded);
                break;
            default:
                errors.Add("round-reason", Strings.StatusRound_NotRunning);
                break;
        }

        Errors = errors;
        Typed = (date ?? "", reason ?? "");
        Response.StatusCode = outcome == InterventionOutcome.NotOpen ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, Guid? round)
    {
        var ct = HttpContext.RequestAborted;
        if (!await visible.SeesAsync(User, id, ct))
        {
            return false;
        }

        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindAgreementAsync(id, ct) is not { } agreement)
        {
            return false;
        }

        Agreement = agreement;
        Board = await AgreementStatusReader.ReadAsync(session, id, clock.GetCurrentInstant().InZone(engine.TimeZone).Date, engine.TimeZone, ct);
        Round = round;
        Rounds = round is { } only ? [.. Board.Rounds.Where(r => r.InstanceId == only)] : Board.Rounds;
        if (round is not null && Rounds.Count == 0)
        {
            return false;
        }

        _boardNames = (await records.ListBoardsAsync(ct)).ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        _peopleByAddress = (await records.ListPeopleAsync(ct))
            .Where(p => !string.IsNullOrWhiteSpace(p.Email))
            .GroupBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);
        return true;
    }
}
