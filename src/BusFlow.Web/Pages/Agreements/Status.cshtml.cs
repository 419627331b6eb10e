using BusFlow.Bus.Model;
using BusFlow.Bus.Status;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>
/// An agreement's status board on today's date: who must act now (every open task of its workflows,
/// overdue first to see), and each decision round with every party's state, reminders, decision and
/// signature. With a round's id, that round alone. Readers who see the agreement read it; an
/// administrator reaches each open task's actions from here.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class StatusModel(VisibleAgreements visible, IWorkflowStore store, EngineOptions engine, SignInSettings settings, IClock clock) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;

    public AgreementStatusBoard Board { get; private set; } = null!;

    public IReadOnlyList<RoundStatus> Rounds { get; private set; } = [];

    public Guid? Round { get; private set; }

    public DateTimeZone Zone => engine.TimeZone;

    public bool MayAct => BusFlowPolicies.ActsAsAdministrator(User, settings) && BusFlowPolicies.MayWrite(User);

    private IReadOnlyDictionary<string, string> _boardNames = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string> _peopleByAddress = new Dictionary<string, string>();

    public string BoardName(string id) => _boardNames.GetValueOrDefault(id, id);

    /// <summary>The person's name and address, or the address alone when the directory does not know it.</summary>
    public string Who(string address) =>
        _peopleByAddress.TryGetValue(address, out var name) ? $"{name} ({address})" : address;

    public async Task<IActionResult> OnGetAsync(string id, Guid? round)
    {
        var ct = HttpContext.RequestAborted;
        if (!await visible.SeesAsync(User, id, ct))
        {
            return NotFound();
        }

        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindAgreementAsync(id, ct) is not { } agreement)
        {
            return NotFound();
        }

        Agreement = agreement;
        Board = await AgreementStatusReader.ReadAsync(session, id, clock.GetCurrentInstant().InZone(engine.TimeZone).Date, ct);
        Round = round;
        Rounds = round is { } only ? [.. Board.Rounds.Where(r => r.InstanceId == only)] : Board.Rounds;
        if (round is not null && Rounds.Count == 0)
        {
            return NotFound();
        }

        _boardNames = (await records.ListBoardsAsync(ct)).ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        _peopleByAddress = (await records.ListPeopleAsync(ct))
            .Where(p => !string.IsNullOrWhiteSpace(p.Email))
            .GroupBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);
        return Page();
    }
}
