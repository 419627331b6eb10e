using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>
/// One dated thing a preview shows: a task created (to whom, due when — with the move off a holiday
/// and why), a reminder or escalation (to whom), an answer, a timer, a mail, the end.
/// </summary>
public sealed record DraftPreviewLine(LocalDateTime At, JournalKind? Kind, string Workflow, string? Step, string? Subject, string? Recipient, string? Due, string? Detail);
