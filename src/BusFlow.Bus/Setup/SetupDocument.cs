using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Setup;

/// <summary>
/// A whole collaboration as a setup file describes it: organizations, boards with their meeting
/// plans and roles, people, bodies with members and convener rotation, agreements with parties.
/// <see cref="Lines"/> maps each path ("boards[2].code") to the line of the file it was read from,
/// so that a problem found later names the line.
/// </summary>
public sealed record SetupDocument(
    IReadOnlyList<SetupDocument.OrganizationEntry> Organizations,
    IReadOnlyList<SetupDocument.BoardEntry> Boards,
    IReadOnlyList<SetupDocument.PersonEntry> People,
    IReadOnlyList<SetupDocument.BodyEntry> Bodies,
    IReadOnlyList<SetupDocument.AgreementEntry> Agreements)
{
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    /// <summary>The line of a path, or of its nearest parent that has one; 1 when none has.</summary>
    public int LineOf(string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (Lines.TryGetValue(current, out var line))
            {
                return line;
            }
        }

        return 1;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    public sealed record OrganizationEntry(string Id, string Name, OrganizationKind Kind);

    public sealed record BoardEntry(
        string Id,
        string Organization,
        string Code,
        string Name,
        int NoticeDays,
        bool NoticeInWorkingDays,
        IReadOnlyList<MeetingPlanEntry> MeetingPlans,
        IReadOnlyList<RoleEntry> Roles);

    public sealed record MeetingPlanEntry(int Year, IReadOnlyList<MeetingEntry> Meetings);

    public sealed record MeetingEntry(LocalDate Date, LocalTime Time, string? Place);

    /// <summary>A role on a board, or a membership of a body; Until is inclusive and null while it goes on.</summary>
    public sealed record RoleEntry(string Person, RoleKind Role, LocalDate From, LocalDate? Until);

    public sealed record PersonEntry(string Id, string Name, string Email, string Language);

    public sealed record BodyEntry(
        string Id,
        string? Organization,
        string Name,
        BodyKind Kind,
        string? Agreement,
        int? RotationStartYear,
        IReadOnlyList<IReadOnlyList<string>> RotationOrder,
        IReadOnlyList<RoleEntry> Members);

    public sealed record AgreementEntry(
        string Id,
        string? Organization,
        string Title,
        AgreementStatus Status,
        LocalDate ValidFrom,
        LocalDate ValidUntil,
        string? Predecessor,
        string? Body,
        AgreementCycleShape Cycle,
        IReadOnlyList<PartyEntry> Parties,
        IReadOnlyList<string> Recipients,
        IReadOnlyList<RevisionEntry> Revisions,
        IReadOnlyList<DecisionEntry> Decisions,
        AgreementChangeMode Changes = AgreementChangeMode.RenewedEachMandate);

    /// <summary>A party: exactly one of Board and Organization.</summary>
    public sealed record PartyEntry(string? Board, string? Organization, string? Representative, PartyInvolvement Involvement);

    public sealed record RevisionEntry(LocalDate Date, string Note);

    /// <summary>
    /// A party board's decision on the agreement as it was recorded (on paper, before BusFlow, or by a
    /// decision round), and its chair's signature when one followed: official records that an import
    /// adds and never changes.
    /// </summary>
    public sealed record DecisionEntry(
        string Board,
        DecisionOutcome Outcome,
        LocalDate Date,
        LocalDate? Meeting,
        string? Paragraph,
        string? RegistrationNumber,
        SignatureEntry? Signature);

    /// <summary>Who signed for the board, when (local time in Stockholm) and how it was proved ("paper", "link").</summary>
    public sealed record SignatureEntry(string Person, LocalDateTime At, string Proof);
}
