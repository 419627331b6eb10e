using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using BusFlow.Engine.Persistence;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Engine.Journal;

/// <summary>Reads a journal entry's data as its kind's payload type, and (in the engine) writes a payload as an entry's data.</summary>
public static class JournalPayloads
{
    // The journal keeps å, ä and ö as they are (readable in an export); characters that matter in HTML stay escaped.
    // Enums are stored by name, instants as Instant.ToString() writes them ("2026-12-28T08:00:00Z") and dates
    // in ISO ("2026-12-28"), as the journal has stored them from the start.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters =
        {
            new JsonStringEnumConverter(),
            new JournalPatternConverter<Instant>(InstantPattern.General),
            new JournalPatternConverter<LocalDate>(LocalDatePattern.Iso),
        },
    };

    /// <summary>The entry's data as its kind's payload type; null when the kind carries no data or this entry has none.</summary>
    public static JournalPayload? Read(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.DataJson is { } json && PayloadType(entry.Kind) is { } type
            ? (JournalPayload?)JsonSerializer.Deserialize(json, type, Options)
            : null;
    }

    /// <summary>The entry's data as <typeparamref name="TPayload"/>; null when the entry is of another kind or has no data.</summary>
    public static TPayload? Payload<TPayload>(this JournalEntry entry)
        where TPayload : JournalPayload =>
        Read(entry) as TPayload;

    /// <summary>The payload as the JSON an entry of its kind stores.</summary>
    internal static string Write(JournalPayload payload) => JsonSerializer.Serialize(payload, payload.GetType(), Options);

    private static Type? PayloadType(JournalKind kind) => kind switch
    {
        JournalKind.InstanceStarted => typeof(InstanceStartedPayload),
        JournalKind.ActivityCompleted => typeof(ActivityCompletedPayload),
        JournalKind.BookmarkCreated => typeof(BookmarkCreatedPayload),
        JournalKind.BookmarkResumed => typeof(BookmarkResumedPayload),
        JournalKind.TaskCreated => typeof(TaskCreatedPayload),
        JournalKind.TaskCompleted => typeof(TaskCompletedPayload),
        JournalKind.TaskCancelled => typeof(TaskCancelledPayload),
        JournalKind.TaskReminded or JournalKind.TaskEscalated => typeof(TaskReminderPayload),
        JournalKind.TimerScheduled => typeof(TimerScheduledPayload),
        JournalKind.TimerFired => typeof(TimerFiredPayload),
        JournalKind.TimerCancelled => typeof(TimerCancelledPayload),
        JournalKind.ChildStarted => typeof(ChildStartedPayload),
        JournalKind.VariableSet => typeof(VariableSetPayload),
        JournalKind.Faulted => typeof(FaultedPayload),
        JournalKind.Retried => typeof(RetriedPayload),
        JournalKind.Cancelled => typeof(CancelledPayload),
        JournalKind.SignalReceived => typeof(SignalReceivedPayload),
        JournalKind.TaskMoved => typeof(TaskMovedPayload),
        JournalKind.TaskReassigned => typeof(TaskReassignedPayload),
        JournalKind.TaskResent => typeof(TaskResentPayload),
        JournalKind.TimerMoved => typeof(TimerMovedPayload),
        JournalKind.DocumentSent => typeof(DocumentSentPayload),
        _ => null,
    };
}
