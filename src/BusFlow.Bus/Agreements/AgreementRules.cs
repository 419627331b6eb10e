using BusFlow.Bus.Boards;
using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Agreements;

/// <summary>What an agreement's particulars must be, for the API and the pages alike.</summary>
public static class AgreementRules
{
    public const int TitleMaxLength = 200;
    public const int NoteMaxLength = 500;

    /// <summary>
    /// The statuses a person sets: a new agreement is written (Draft) or entered as already in force (Active).
    /// InDecision, Signed, Expired and Superseded are the decision round's and the renewal's to set; a change
    /// may keep the one an agreement has, but not set one of them.
    /// </summary>
    public static bool MaySet(AgreementStatus status) => status is AgreementStatus.Draft or AgreementStatus.Active;

    /// <summary>A new agreement's id: its organization and period in lower case ASCII, "exempelby-bus-2027-2030".</summary>
    public static string IdOf(string organizationId, LocalDate from, LocalDate until) =>
        BoardRules.Slug($"{organizationId}-bus-{from.Year}-{until.Year}");

    /// <summary>A revision's note: 1 to <see cref="NoteMaxLength"/> characters once trimmed.</summary>
    public static bool IsNote(string? note) => note?.Trim() is { Length: > 0 and <= NoteMaxLength };
}
