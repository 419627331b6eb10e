using NodaTime;

namespace BusFlow.Bus.Model;

public enum OrganizationKind
{
    Municipality,
    Region,
    Federation,
    Other,
}

/// <summary>A legal body that is party to collaborations: a municipality, a region, a federation (Norrtälje's KSON).</summary>
public sealed class Organization
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public OrganizationKind Kind { get; set; }
}

/// <summary>A board (nämnd) of an organization, with its notice rule for meetings.</summary>
public sealed class Board
{
    public required string Id { get; set; }
    public required string OrganizationId { get; set; }

    /// <summary>The short code used in registration numbers and lists: SN, BUN, KUN.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>How long before a meeting the notice (kallelse) goes out: days, or working days.</summary>
    public int NoticeDays { get; set; } = 5;

    public bool NoticeInWorkingDays { get; set; }
}

/// <summary>One meeting in a board's yearly meeting plan (sammanträdesplan).</summary>
public sealed class BoardMeeting
{
    public Guid Id { get; set; }
    public required string BoardId { get; set; }
    public LocalDate Date { get; set; }
    public LocalTime StartsAt { get; set; } = new(13, 0);

    /// <summary>Where the board meets, as the meeting plan says: "Stadshuset, sal A".</summary>
    public string? Place { get; set; }
}

public sealed class Person
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }

    /// <summary>The language the person is written to in: "sv" or "en".</summary>
    public string Language { get; set; } = "sv";
}

public enum RoleKind
{
    Chair,
    ViceChair,
    Secretary,
    HeadOfAdministration,
    Member,
    CoOptedMember,
}

/// <summary>
/// A person's role on a board or in a collaboration body over a period. From and Until are
/// inclusive local dates; Until is null while the role goes on. Whoever holds the role on a day
/// is the one asked or reminded that day.
/// </summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; }
    public required string PersonId { get; set; }
    public RoleKind Role { get; set; }
    public string? BoardId { get; set; }
    public string? BodyId { get; set; }
    public LocalDate From { get; set; }
    public LocalDate? Until { get; set; }

    public bool IsHeldOn(LocalDate day) => From <= day && (Until is null || day <= Until);
}

public enum BodyKind
{
    SteeringGroup,
    ManagementGroup,
    WorkingGroup,
    PresidiumMeeting,
}

/// <summary>
/// A collaboration body (styrgrupp, ledningsgrupp, arbetsgrupp, presidiemöte). A body whose
/// convener rotates names the parties in order, one slot a year from RotationStartYear; a slot
/// may hold several boards that convene together.
/// </summary>
public sealed class CollaborationBody
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public BodyKind Kind { get; set; }
    public string? AgreementId { get; set; }
    public List<List<string>> RotationOrder { get; set; } = [];
    public int? RotationStartYear { get; set; }
}
