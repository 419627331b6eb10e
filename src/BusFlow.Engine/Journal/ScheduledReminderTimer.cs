using BusFlow.Engine.Reminders;
using NodaTime;

namespace BusFlow.Engine.Journal;

/// <summary>One reminder timer set for a task: its kind, its number within its kind, and when it goes out.</summary>
public sealed record ScheduledReminderTimer(Guid TimerId, ReminderKind Kind, int Number, Instant DueAt);
