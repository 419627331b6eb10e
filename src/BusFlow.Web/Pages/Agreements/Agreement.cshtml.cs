using System.Globalization;
using BusFlow.Accounts.Audit;
using BusFlow.Bus.Agreements;
using BusFlow.Bus.Cycles;
using BusFlow.Bus.Model;
using BusFlow.Bus.Shortcomings;
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
/// An agreement: its period, parties and recipients, and the workflow instances it runs. An
/// administrator starts its cycles, or stops them with a reason that goes into each instance's journal,
/// and records revisions of its text.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class AgreementModel(
    VisibleAgreements visible, AgreementCycleControl cycles, IWorkflowStore store, EngineOptions engine, SignInSettings settings, AuditTrail audit,
    AgreementRegistry registry, IClock clock) : PageModel
{
    public AgreementCycleState State { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> BoardNames { get; private set; } = new Dictionary<string, string>();

    public bool MayControl => BusFlowPolicies.ActsAsAdministrator(User, settings) && BusFlowPolicies.MayWrite(User);

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public string? Reason { get; private set; }

    public IReadOnlyList<AgreementRevision> Revisions { get; private set; } = [];

    /// <summary>The shortcomings reported in the collaboration, oldest first, with how far each has come.</summary>
    public IReadOnlyList<Shortcoming> Shortcomings { get; private set; } = [];

    /// <summary>Where the renewal stands: its timing against the election, a successor under way, a lapse.</summary>
    public IReadOnlyList<string> RenewalOutlook { get; private set; } = [];

    /// <summary>The revision form as last sent, so that an error keeps what was typed.</summary>
    public (string Date, string Note) Revising { get; private set; } = ("", "");

    public FieldErrors RevisionErrors { get; private set; } = FieldErrors.None;

    public IReadOnlyDictionary<string, string> OtherNames { get; private set; } = new Dictionary<string, string>();

    public string BoardName(string id) => BoardNames.GetValueOrDefault(id, id);

    /// <summary>A name from the directory: a board's, an organization's, a body's or a person's; the id when it has none.</summary>
    public string NameOf(string? id) => id is null ? "" : BoardNames.GetValueOrDefault(id) ?? OtherNames.GetValueOrDefault(id, id);

    public string PartyText(AgreementParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        var name = NameOf(party.BoardId ?? party.OrganizationId);
        var involvement = party.Involvement == PartyInvolvement.Consulted ? Strings.Agreement_Consulted : Strings.Agreement_Decides;
        return party.RepresentativeId is { } representative
            ? string.Format(CultureInfo.CurrentCulture, Strings.Agreement_PartyRepresented, name, involvement, NameOf(representative))
            : string.Format(CultureInfo.CurrentCulture, Strings.Agreement_Party, name, involvement);
    }

    public string Reported(Shortcoming shortcoming)
    {
        ArgumentNullException.ThrowIfNull(shortcoming);
        return AgreementText.Date(shortcoming.ReportedAt.InZone(engine.TimeZone).Date);
    }

    public string Started(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.CreatedAt.InZone(engine.TimeZone).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);
    }

    public async Task<IActionResult> OnGetAsync(string id, int? ny, int? andrad, int? avvikelse)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Notice = ny == 1 ? Strings.AgreementForm_Created : andrad == 1 ? Strings.AgreementForm_Saved : avvikelse == 1 ? Strings.Shortcoming_Received : null;
        return Page();
    }

    public async Task<IActionResult> OnPostRevisionAsync(string id, string? date, string? note)
    {
        if (await RefusedAsync(id) is { } refused)
        {
            return refused;
        }

        Revising = (date ?? "", note ?? "");
        var day = LocalDatePattern.Iso.Parse(date?.Trim() ?? "") is { Success: true } parsed ? parsed.Value : (NodaTime.LocalDate?)null;
        var saved = await registry.AddRevisionAsync(id, day, note, HttpContext.RequestAborted);
        if (saved.Revision is null)
        {
            RevisionErrors = AgreementText.ErrorsOf(saved.Errors);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"agreement:{id}", detail: $"revision of {saved.Revision.Date:yyyy-MM-dd} recorded");
        await LoadAsync(id);
        Revising = ("", "");
        Notice = Strings.AgreementRevision_Saved;
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(string id)
    {
        if (await RefusedAsync(id) is { } refused)
        {
            return refused;
        }

        var (outcome, started) = await cycles.StartAsync(id, AuditTrail.ActorOf(User), HttpContext.RequestAborted);
        if (outcome != CycleCommandOutcome.Started)
        {
            return Refused(outcome == CycleCommandOutcome.NotInForce ? Strings.Agreement_NotInForce : Strings.Agreement_AlreadyRunning);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"agreement:{id}", detail: $"cycles started ({started} instances)");
        await LoadAsync(id);
        Notice = Strings.Agreement_StartedNotice;
        return Page();
    }

    public async Task<IActionResult> OnPostStopAsync(string id, string? reason)
    {
        if (await RefusedAsync(id) is { } refused)
        {
            return refused;
        }

        Reason = reason?.Trim();
        if (!AgreementCycleControl.IsReason(Reason))
        {
            return Refused(string.Format(CultureInfo.CurrentCulture, Strings.Agreement_ReasonNeeded, AgreementCycleControl.ReasonMaxLength));
        }

        var (outcome, stopped) = await cycles.StopAsync(id, AuditTrail.ActorOf(User), Reason, HttpContext.RequestAborted);
        if (outcome != CycleCommandOutcome.Stopped)
        {
            return Refused(Strings.Agreement_NothingRunning);
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"agreement:{id}", detail: $"cycles stopped ({stopped} instances): {Reason}");
        await LoadAsync(id);
        Reason = null;
        Notice = string.Format(CultureInfo.CurrentCulture, Strings.Agreement_Stopped, stopped);
        return Page();
    }

    private async Task<IActionResult?> RefusedAsync(string id) =>
        !await LoadAsync(id) ? NotFound() : !MayControl ? Forbid() : null;

    private PageResult Refused(string error)
    {
        Errors = [error];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string id)
    {
        var ct = HttpContext.RequestAborted;
        if (!await visible.SeesAsync(User, id, ct) || await cycles.StateAsync(id, ct) is not { } state)
        {
            return false;
        }

        State = state;
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        BoardNames = (await records.ListBoardsAsync(ct)).ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        var others = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var organization in await records.ListOrganizationsAsync(ct))
        {
            others[organization.Id] = organization.Name;
        }

        foreach (var body in await records.ListBodiesAsync(ct))
        {
            others[body.Id] = body.Name;
        }

        foreach (var person in await records.ListPeopleAsync(ct))
        {
            others[person.Id] = person.Name;
        }

        OtherNames = others;
        Revisions = [.. (await records.ListRevisionsAsync(id, ct)).OrderBy(r => r.Date)];
        Shortcomings = await ShortcomingReader.ListAsync(session, id, since: null, ct);
        var successor = (await records.ListSuccessorsAsync(id, ct)).FirstOrDefault();
        var swedish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";
        RenewalOutlook = [.. Bus.Mandates.RenewalOutlook.For(state.Agreement, successor, clock.GetCurrentInstant().InZone(engine.TimeZone).Date)
            .Select(line => swedish ? line.Swedish : line.English)];
        return true;
    }
}
