using System.Globalization;
using BusFlow.Bus.Status;
using BusFlow.Web.Resources;
using NodaTime;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>The status board's words: a party's state, a decision, the reminders, in the reader's language and Stockholm time.</summary>
public static class StatusText
{
    public static string State(PartyState state) =>
        Strings.ResourceManager.GetString($"PartyState_{state}", CultureInfo.CurrentUICulture) ?? state.ToString();

    public static string Outcome(string outcome) =>
        Strings.ResourceManager.GetString($"Outcome_{outcome}", CultureInfo.CurrentUICulture) ?? outcome;

    public static string Decision(PartyDecisionTaken decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        IEnumerable<string?> parts = [Outcome(decision.Outcome), decision.DecisionDate is { } day ? AgreementText.Date(day) : null, decision.Paragraph];
        return string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    public static string Reminders(IReadOnlyList<PartyReminder> reminders, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        var sent = reminders.Where(r => !r.Escalation).ToList();
        var text = sent.Count switch
        {
            0 => Strings.Status_NoReminders,
            1 => string.Format(CultureInfo.CurrentCulture, Strings.Status_RemindedOnce, Moment(sent[0].At, zone)),
            _ => string.Format(CultureInfo.CurrentCulture, Strings.Status_RemindedTimes, sent.Count, Moment(sent[^1].At, zone)),
        };
        return reminders.FirstOrDefault(r => r.Escalation) is { } escalation
            ? $"{text}; {string.Format(CultureInfo.CurrentCulture, Strings.Status_EscalatedOn, Moment(escalation.At, zone))}"
            : text;
    }

    public static string Moment(Instant at, DateTimeZone zone) =>
        at.InZone(zone).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);

    /// <summary>A person as the board names her: "Name (address)", or the address alone when the directory does not know it.</summary>
    public static string Who(string? name, string address) => name is null ? address : $"{name} ({address})";

    public static string Due(LocalDate? due) => due is { } day ? AgreementText.Date(day) : Strings.Status_NoDue;
}
