using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Simulation;

/// <summary>Writes timeline events as lines for people, or as one JSON object per line for tools.</summary>
public static class TimelineFormatter
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string FormatLocal(LocalDateTime local) => LocalPattern.Format(local);

    /// <summary>
    /// e.g. "2026-04-01 08:00  timer fired  renewal/waitStart", or for a mail
    /// "2026-02-02 08:00  mail  spring-review/invite  to anna@exempelby.test: "Inbjudan: …" (required, calendar METHOD:REQUEST)".
    /// </summary>
    public static string ToText(TimelineEvent e)
    {
        var where = (e.Workflow, e.Activity) switch
        {
            ("", null) => "-",
            ("", { } activity) => activity,
            (var workflow, null) => workflow,
            var (workflow, activity) => $"{workflow}/{activity}",
        };
        var details = e.Mail is { } mail ? (e.OpenTasks is { } open ? $"{open} open tasks, " : "") + MailText(mail, FormatLocal(e.Local)) : e.Label switch
        {
            "decision" => $"{e.Board}: {e.Outcome} on {e.Detail}" + (e.Paragraph is null ? "" : $" ({e.Paragraph})"),
            "signature" => $"{e.Board}: signed by {e.By}",
            "agreement" => $"{e.Subject}: {e.Detail}",
            "round" when e.Round is { } round => $"{e.Subject}: {RoundText(round)}",
            _ => null,
        } ?? e.Kind switch
        {
            JournalKind.TimerScheduled when e.Reminders is { } reminders => "due " + string.Join(", ", reminders.Select(r => $"{r.Due} ({SimulationTimeline.ReminderName(r.Kind, r.Number)})")),
            JournalKind.TimerScheduled => $"due {e.Due}",
            JournalKind.TaskReminded or JournalKind.TaskEscalated =>
                $"\"{e.Subject}\" for {e.Recipient}: {e.Detail} to " + string.Join(", ", e.Recipients ?? []),
            JournalKind.TaskCreated => $"\"{e.Subject}\" for {e.Recipient}" + (e.Due is null ? "" : $", due {e.Due}"),
            JournalKind.TaskCompleted => $"{e.Outcome} by {e.By}" + (e.Subject is null ? "" : $" (\"{e.Subject}\")"),
            JournalKind.TaskCancelled => $"\"{e.Subject}\" for {e.Recipient}",
            JournalKind.TaskReassigned => $"\"{e.Subject}\" from {e.By} to {e.Recipient}: {e.Detail}",
            JournalKind.ChildStarted => e.Subject,
            JournalKind.Faulted or JournalKind.Cancelled => e.Detail,
            _ => null,
        };
        var line = $"{FormatLocal(e.Local)}  {e.Label ?? Phrase(e.Kind)}  {where}";
        return string.IsNullOrEmpty(details) ? line : $"{line}  {details}";
    }

    /// <summary>"approved by sn, bun; rejected by kun; undecided: sn", leaving out the empty parts.</summary>
    private static string RoundText(TimelineRoundResult round)
    {
        var parts = new List<string>();
        if (round.ApprovedBy.Count > 0)
        {
            parts.Add($"approved by {string.Join(", ", round.ApprovedBy)}");
        }

        if (round.RejectedBy.Count > 0)
        {
            parts.Add($"rejected by {string.Join(", ", round.RejectedBy)}");
        }

        if (round.Undecided.Count > 0)
        {
            parts.Add($"undecided: {string.Join(", ", round.Undecided)}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// "to anna@exempelby.test: "Ny uppgift i BusFlow: …" (required)", with the invitation's METHOD when it
    /// carries one, and ", sent 2026-03-02 08:00" when it waits for the window.
    /// </summary>
    private static string MailText(TimelineMail mail, string written) =>
        $"to {mail.To}: \"{mail.Subject}\" ({mail.Kind}" + (mail.CalendarMethod is { } method ? $", calendar METHOD:{method})" : ")")
        + (mail.SendsAt == written ? "" : $", sent {mail.SendsAt}");

    /// <summary>
    /// {"instant", "local", "kind", "workflow", "instance", "activity", "subject", "recipient", "board"} always,
    /// then "outcome", "by", "due", "detail", "paragraph" (a decision's §), "openTasks" (a digest's),
    /// "reminders" ([{"kind", "number", "due"}], a task's reminder timers), "recipients"
    /// ([{"address", "role", "handling"}], whom a reminder or escalation reached and whether by mail or in the weekly digest) and "round" ({"approvedBy",
    /// "rejectedBy", "undecided"}, a decision round's result) when the event has them. A mail (kind "mail") has
    /// "mail": {"to", "subject", "kind" (required or optional), "calendarMethod" (REQUEST, CANCEL or null), "sendsAt" (the local time it may first go out)};
    /// its workflow and instance are null when no workflow wrote it.
    /// </summary>
    public static string ToJson(TimelineEvent e)
    {
        var line = new JsonObject
        {
            ["instant"] = InstantPattern.ExtendedIso.Format(e.Instant),
            ["local"] = FormatLocal(e.Local),
            ["kind"] = e.Label ?? Name(e.Kind),
            ["workflow"] = e.Workflow.Length == 0 ? null : e.Workflow,
            ["instance"] = e.Instance == Guid.Empty ? null : e.Instance.ToString(),
            ["activity"] = e.Activity,
            ["subject"] = e.Subject,
            ["recipient"] = e.Recipient,
            ["board"] = e.Board,
        };
        AddIfPresent(line, "outcome", e.Outcome);
        AddIfPresent(line, "by", e.By);
        AddIfPresent(line, "due", e.Due);
        AddIfPresent(line, "detail", e.Detail);
        AddIfPresent(line, "paragraph", e.Paragraph);
        if (e.OpenTasks is { } open)
        {
            line["openTasks"] = open;
        }

        if (e.Reminders is { } reminders)
        {
            line["reminders"] = new JsonArray([.. reminders.Select(r => new JsonObject { ["kind"] = r.Kind, ["number"] = r.Number, ["due"] = r.Due })]);
        }

        if (e.Recipients is { } recipients)
        {
            line["recipients"] = new JsonArray([.. recipients.Select(r => new JsonObject { ["address"] = r.Address, ["role"] = r.Role, ["handling"] = r.Handling })]);
        }

        if (e.Round is { } round)
        {
            line["round"] = new JsonObject
            {
                ["approvedBy"] = new JsonArray([.. round.ApprovedBy.Select(b => JsonValue.Create(b))]),
                ["rejectedBy"] = new JsonArray([.. round.RejectedBy.Select(b => JsonValue.Create(b))]),
                ["undecided"] = new JsonArray([.. round.Undecided.Select(b => JsonValue.Create(b))]),
            };
        }
        if (e.Mail is { } mail)
        {
            line["mail"] = new JsonObject
            {
                ["to"] = mail.To,
                ["subject"] = mail.Subject,
                ["kind"] = mail.Kind,
                ["calendarMethod"] = mail.CalendarMethod,
                ["sendsAt"] = mail.SendsAt,
            };
        }

        return line.ToJsonString(Compact);
    }

    private static string? Name(JournalKind? kind) => kind is { } known ? JsonNamingPolicy.CamelCase.ConvertName(known.ToString()) : null;

    private static string Phrase(JournalKind? kind) => kind switch
    {
        JournalKind.InstanceStarted => "instance started",
        JournalKind.TimerScheduled => "timer scheduled",
        JournalKind.TimerFired => "timer fired",
        JournalKind.TaskCreated => "task created",
        JournalKind.TaskCompleted => "task completed",
        JournalKind.TaskCancelled => "task cancelled",
        JournalKind.TaskReassigned => "task handed over",
        JournalKind.TaskReminded => "task reminded",
        JournalKind.TaskEscalated => "task escalated",
        JournalKind.TimerCancelled => "timer cancelled",
        JournalKind.ChildStarted => "child started",
        JournalKind.InstanceCompleted => "instance completed",
        JournalKind.Faulted => "instance faulted",
        JournalKind.Cancelled => "instance cancelled",
        _ => Name(kind) ?? "event",
    };

    private static void AddIfPresent(JsonObject line, string name, string? value)
    {
        if (value is not null)
        {
            line[name] = value;
        }
    }
}
