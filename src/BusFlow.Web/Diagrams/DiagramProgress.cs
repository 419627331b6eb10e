using BusFlow.Engine.Persistence;

namespace BusFlow.Web.Diagrams;

/// <summary>Which steps of a diagram an instance has passed and which it is in now, by activity id.</summary>
public sealed record DiagramProgress(IReadOnlySet<string> Passed, IReadOnlySet<string> Current)
{
    public static DiagramProgress None { get; } = new(new HashSet<string>(), new HashSet<string>());

    /// <summary>
    /// Read from an instance's journal, which names an activity when it starts and when it completes: a step
    /// completed at least once is passed, unless its last line is its start: then it is current while the
    /// instance still goes (in a loop, a step of the round now running).
    /// </summary>
    public static DiagramProgress FromJournal(IEnumerable<JournalEntry> journal, bool stillGoing)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var passed = new HashSet<string>(StringComparer.Ordinal);
        var started = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var entry in journal.OrderBy(e => e.Sequence))
        {
            if (entry.ActivityId is not { } id)
            {
                continue;
            }

            if (entry.Kind == JournalKind.ActivityStarted)
            {
                started[id] = true;
            }
            else if (entry.Kind == JournalKind.ActivityCompleted)
            {
                started[id] = false;
                passed.Add(id);
            }
        }

        var current = stillGoing ? started.Where(s => s.Value).Select(s => s.Key).ToHashSet(StringComparer.Ordinal) : [];
        passed.ExceptWith(current);
        return new DiagramProgress(passed, current);
    }
}
