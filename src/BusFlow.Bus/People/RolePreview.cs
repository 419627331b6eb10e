using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.People;

/// <summary>
/// Who holds which role on a board or in a body today, and on another day: by default the next 1 January,
/// which is what an administrator checks in the autumn after entering the next mandate's presidium. The
/// one-seat roles are always listed, so that a seat nobody will hold shows; members only when there are any.
/// </summary>
public sealed class RolePreview(IWorkflowStore store, IClock clock, EngineOptions engine)
{
    public LocalDate Today => clock.GetCurrentInstant().InZone(engine.TimeZone).Date;

    /// <summary>The first 1 January after <paramref name="day"/>: when a mandate period turns.</summary>
    public static LocalDate NextNewYear(LocalDate day) => new(day.Year + 1, 1, 1);

    /// <summary>The preview of a board's or body's roles, or null when there is neither with that id.</summary>
    public async Task<RolePreviewSheet?> OfAsync(string boardOrBodyId, LocalDate? on, CancellationToken ct)
    {
        var today = Today;
        var day = on ?? NextNewYear(today);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        var name = (await records.FindBoardAsync(boardOrBodyId, ct))?.Name ?? (await records.FindBodyAsync(boardOrBodyId, ct))?.Name;
        if (name is null)
        {
            return null;
        }

        var now = await records.ListRoleHoldersAsync(boardOrBodyId, today, ct);
        var then = await records.ListRoleHoldersAsync(boardOrBodyId, day, ct);
        var lines = new List<RolePreviewLine>();
        foreach (var role in Enum.GetValues<RoleKind>())
        {
            var line = new RolePreviewLine(role, HoldersOf(now, role), HoldersOf(then, role));
            if (SeatRules.HasOneSeat(role) || line.Today.Count > 0 || line.OnDay.Count > 0)
            {
                lines.Add(line);
            }
        }

        return new RolePreviewSheet(boardOrBodyId, name, today, day, lines);
    }

    private static List<Person> HoldersOf(IReadOnlyList<(Person Person, RoleAssignment Role)> held, RoleKind role) =>
        [.. held.Where(h => h.Role.Role == role).Select(h => h.Person).DistinctBy(p => p.Id)];
}
