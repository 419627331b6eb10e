using BusFlow.Bus.Model;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>
/// Reads a board's meeting plan for a year from a CSV file and makes the board's meetings of that year,
/// from today on, match it, in one transaction: the same date keeps its meeting (its time and place
/// updated), a date no longer planned is taken out, a new date is added. Meetings before today are
/// history and stay. A file with any error changes nothing. The decisions waiting on a meeting taken
/// out move to the board's next meeting in the same transaction (<see cref="DecisionDeadlines"/>).
/// </summary>
public sealed class MeetingPlanImport(WorkflowRuntime runtime, DecisionDeadlines deadlines, IClock clock, EngineOptions engine)
{
    public const int FirstPlanYear = 2000;
    public const int LastPlanYear = 2100;

    /// <summary>A year a meeting plan may be shown or read in for.</summary>
    public static bool IsPlanYear(int year) => year is >= FirstPlanYear and <= LastPlanYear;

    /// <summary>The board's local today: a meeting before it cannot be planned.</summary>
    public LocalDate Today => clock.GetCurrentInstant().InZone(engine.TimeZone).Date;

    public Task<MeetingPlanImportResult> ImportAsync(string boardId, int year, ReadOnlyMemory<byte> file, string actor, CancellationToken ct)
    {
        var today = Today;
        var read = MeetingPlanCsv.Read(file.Span, today, year);
        return runtime.ChangeAsync(actor, async change =>
        {
            var records = change.Store.Facet<IBusRecords>();
            if (await records.FindBoardAsync(boardId, ct) is not { } board)
            {
                return MeetingPlanImportResult.NoBoard;
            }

            if (!read.Succeeded)
            {
                return MeetingPlanImportResult.Refused(read.Errors);
            }

            var changes = await ReplaceAsync(records, boardId, year, read.Meetings, today, ct);
            return MeetingPlanImportResult.Saved(changes with { Deadlines = await deadlines.FollowPlanAsync(change, board, today, ct) });
        }, ct);
    }

    private static async Task<MeetingPlanChanges> ReplaceAsync(
        IBusRecords records, string boardId, int year, IReadOnlyList<PlannedMeeting> plan, LocalDate today, CancellationToken ct)
    {
        var first = LocalDate.Max(new LocalDate(year, 1, 1), today);
        var existing = (await records.ListMeetingsAsync(boardId, first, new LocalDate(year, 12, 31), ct))
            .GroupBy(m => m.Date)
            .ToDictionary(g => g.Key, g => g.ToList());
        int added = 0, changed = 0, unchanged = 0, removed = 0;
        foreach (var planned in plan)
        {
            if (!existing.Remove(planned.Date, out var same))
            {
                records.Add(new BoardMeeting { Id = Guid.CreateVersion7(), BoardId = boardId, Date = planned.Date, StartsAt = planned.StartsAt, Place = planned.Place });
                added++;
                continue;
            }

            var kept = same[0];
            foreach (var twin in same.Skip(1))
            {
                records.Remove(twin);
                removed++;
            }

            if (kept.StartsAt == planned.StartsAt && kept.Place == planned.Place)
            {
                unchanged++;
                continue;
            }

            kept.StartsAt = planned.StartsAt;
            kept.Place = planned.Place;
            changed++;
        }

        foreach (var dropped in existing.Values.SelectMany(m => m))
        {
            records.Remove(dropped);
            removed++;
        }

        return new MeetingPlanChanges(added, changed, removed, unchanged);
    }
}
