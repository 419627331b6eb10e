using System.Globalization;
using System.Text;
using BusFlow.Bus.Calendar;
using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Demo;

/// <summary>
/// A fictional municipality for demos, previews and tests, modelled on the public BUS documents
/// (three party boards, the municipal executive board as a recipient, steering, management and
/// working groups, a presidium meeting with a rotating convener, and the agreement for the mandate
/// period 2023–2026). Every person is invented and reached at a reserved <c>.test</c> address.
/// </summary>
public static class DemoMunicipality
{
    public const string OrganizationId = "exempelby";
    public const string Name = "Exempelby kommun";
    public const string RegionId = "region-exempel";
    public const string RegionName = "Region Exempel";

    /// <summary>The municipality's people are reached at this reserved domain (RFC 2606).</summary>
    public const string EmailDomain = "exempelby.test";

    public const string RegionEmailDomain = "regionexempel.test";

    /// <summary>Socialnämnden.</summary>
    public const string SocialBoardId = "sn";

    /// <summary>Barn- och ungdomsnämnden.</summary>
    public const string ChildrenAndYouthBoardId = "bun";

    /// <summary>Kultur- och utbildningsnämnden.</summary>
    public const string CultureAndEducationBoardId = "kun";

    /// <summary>Kommunstyrelsen, the municipal executive board: not a party, but the decisions are sent to it.</summary>
    public const string ExecutiveBoardId = "ks";

    public const string SteeringGroupId = "styrgrupp";
    public const string ManagementGroupId = "ledningsgrupp";
    public const string WorkingGroupId = "arbetsgrupp";
    public const string PresidiumId = "presidiemote";

    public const string AgreementId = "bus-2023-2026";
    public const string AgreementTitle = "Samverkansöverenskommelse BUS 2023–2026";

    /// <summary>Who the demo's decisions are recorded by.</summary>
    public const string RecordedBy = "demo";

    /// <summary>The meeting plans cover these years, inclusive.</summary>
    public const int FirstPlanYear = 2026;

    public const int LastPlanYear = 2031;

    private static readonly LocalDate MandateStart = new(2023, 1, 1);
    private static readonly LocalDate MandateEnd = new(2026, 12, 31);
    private static readonly LocalDate NextMandateStart = new(2027, 1, 1);

    /// <summary>The boards that are parties to the agreement, in the order of the presidium's rotation.</summary>
    public static IReadOnlyList<string> PartyBoardIds { get; } = [SocialBoardId, ChildrenAndYouthBoardId, CultureAndEducationBoardId];

    /// <summary>Each board's people: the 2023–2026 presidium, officials who stay on, and the presidium from 2027.</summary>
    private static readonly BoardCast[] Casts =
    [
        new(SocialBoardId, "Anna Lindqvist", "Erik Sandberg", "Maria Holmgren", "Lars Ekwall", "Sofia Nyberg", "Olof Wester"),
        new(ChildrenAndYouthBoardId, "Henrik Ålander", "Linnea Berglund", "Johan Forsberg", "Eva Strandberg", "Peter Lundmark", "Frida Hedlund"),
        new(CultureAndEducationBoardId, "Ingrid Sjöholm", "Magnus Åkesson", "Elin Norrby", "Göran Tidblad", "Camilla Rosén", "Niklas Ekdahl"),
        new(ExecutiveBoardId, "Birgitta Falk", "Stefan Almqvist", "Hanna Ljung", "Mats Granlund", "Helena Borg", "Daniel Kvarnström"),
    ];

    /// <summary>The public-health strategist who coordinates BUS: secretary of the groups, chair of the working group.</summary>
    private const string Coordinator = "Lena Vikström";

    /// <summary>The working group's members from the three administrations.</summary>
    private static readonly (string BoardId, string Name)[] Developers =
    [
        (SocialBoardId, "Oskar Lind"),
        (ChildrenAndYouthBoardId, "Emma Sundin"),
        (CultureAndEducationBoardId, "Axel Holmberg"),
    ];

    /// <summary>The region's contact, co-opted to the working group.</summary>
    private const string RegionContact = "Tove Engström";

    /// <summary>
    /// Each board meets on a fixed weekday of the month (the second Tuesday, …), never in July; a
    /// date that is a holiday or an eve is dropped from the plan, not moved.
    /// </summary>
    private static readonly MeetingPattern[] MeetingPatterns =
    [
        new(SocialBoardId, IsoDayOfWeek.Tuesday, 2, new LocalTime(13, 0)),
        new(ChildrenAndYouthBoardId, IsoDayOfWeek.Wednesday, 3, new LocalTime(8, 30)),
        new(CultureAndEducationBoardId, IsoDayOfWeek.Thursday, 4, new LocalTime(17, 0)),
        new(ExecutiveBoardId, IsoDayOfWeek.Monday, MeetingPattern.Last, new LocalTime(13, 0)),
    ];

    /// <summary>
    /// Adds the demo municipality unless it is there already (organization <see cref="OrganizationId"/>).
    /// The records are written when the session of <paramref name="records"/> commits.
    /// </summary>
    /// <param name="now">When the records are written: the recording time of the demo's decisions.</param>
    /// <returns>Whether it was added now; false when it was there already.</returns>
    public static Task<bool> SeedAsync(IBusRecords records, Instant now, CancellationToken ct) => SeedAsync(records, Build(now), ct);

    /// <summary>Adds <paramref name="demo"/> (from <see cref="Build"/>) unless the demo municipality is there already.</summary>
    public static async Task<bool> SeedAsync(IBusRecords records, DemoData demo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(demo);
        if (await records.FindOrganizationAsync(OrganizationId, ct) is not null)
        {
            return false;
        }

        demo.AddTo(records);
        return true;
    }

    /// <summary>Builds every record of the demo in memory, new ids each time.</summary>
    /// <param name="now">When the records are written: the recording time of the demo's decisions.</param>
    public static DemoData Build(Instant now)
    {
        Organization[] organizations =
        [
            new() { Id = OrganizationId, Name = Name, Kind = OrganizationKind.Municipality },
            new() { Id = RegionId, Name = RegionName, Kind = OrganizationKind.Region },
        ];
        Board[] boards =
        [
            BoardOf(SocialBoardId, "SN", "Socialnämnden", noticeDays: 5, inWorkingDays: false),
            BoardOf(ChildrenAndYouthBoardId, "BUN", "Barn- och ungdomsnämnden", noticeDays: 4, inWorkingDays: true),
            BoardOf(CultureAndEducationBoardId, "KUN", "Kultur- och utbildningsnämnden", noticeDays: 5, inWorkingDays: false),
            BoardOf(ExecutiveBoardId, "KS", "Kommunstyrelsen", noticeDays: 5, inWorkingDays: false),
        ];

        var people = new List<Person>();
        Person Add(string name, string domain = EmailDomain)
        {
            var person = PersonNamed(name, domain);
            people.Add(person);
            return person;
        }

        var roles = new List<RoleAssignment>();
        void Assign(Person person, RoleKind role, string? boardId, string? bodyId, LocalDate from, LocalDate? until) =>
            roles.Add(new RoleAssignment
            {
                Id = Guid.CreateVersion7(),
                PersonId = person.Id,
                Role = role,
                BoardId = boardId,
                BodyId = bodyId,
                From = from,
                Until = until,
            });

        var chairs = new Dictionary<string, Person>();
        foreach (var cast in Casts)
        {
            var chair = Add(cast.Chair);
            var viceChair = Add(cast.ViceChair);
            var secretary = Add(cast.Secretary);
            var head = Add(cast.HeadOfAdministration);
            var nextChair = Add(cast.NextChair);
            var nextViceChair = Add(cast.NextViceChair);
            chairs[cast.BoardId] = chair;

            // The presidium hands over at the turn of the mandate period; the officials stay on.
            Assign(chair, RoleKind.Chair, cast.BoardId, null, MandateStart, MandateEnd);
            Assign(viceChair, RoleKind.ViceChair, cast.BoardId, null, MandateStart, MandateEnd);
            Assign(nextChair, RoleKind.Chair, cast.BoardId, null, NextMandateStart, null);
            Assign(nextViceChair, RoleKind.ViceChair, cast.BoardId, null, NextMandateStart, null);
            Assign(secretary, RoleKind.Secretary, cast.BoardId, null, MandateStart, null);
            Assign(head, RoleKind.HeadOfAdministration, cast.BoardId, null, MandateStart, null);

            if (!PartyBoardIds.Contains(cast.BoardId))
            {
                continue;
            }

            // The parties' chairs sit on the steering group; chairs, vice chairs and heads of
            // administration on the management group; the presidia meet once a year.
            foreach (var (person, from, until) in new[] { (chair, MandateStart, (LocalDate?)MandateEnd), (nextChair, NextMandateStart, null) })
            {
                Assign(person, RoleKind.Member, null, SteeringGroupId, from, until);
                Assign(person, RoleKind.Member, null, ManagementGroupId, from, until);
                Assign(person, RoleKind.Member, null, PresidiumId, from, until);
            }

            foreach (var (person, from, until) in new[] { (viceChair, MandateStart, (LocalDate?)MandateEnd), (nextViceChair, NextMandateStart, null) })
            {
                Assign(person, RoleKind.Member, null, ManagementGroupId, from, until);
                Assign(person, RoleKind.Member, null, PresidiumId, from, until);
            }

            Assign(head, RoleKind.Member, null, ManagementGroupId, MandateStart, null);
        }

        var coordinator = Add(Coordinator);
        Assign(coordinator, RoleKind.Secretary, null, SteeringGroupId, MandateStart, null);
        Assign(coordinator, RoleKind.Secretary, null, ManagementGroupId, MandateStart, null);
        Assign(coordinator, RoleKind.Chair, null, WorkingGroupId, MandateStart, null);
        foreach (var (_, name) in Developers)
        {
            Assign(Add(name), RoleKind.Member, null, WorkingGroupId, MandateStart, null);
        }

        Assign(Add(RegionContact, RegionEmailDomain), RoleKind.CoOptedMember, null, WorkingGroupId, MandateStart, null);

        CollaborationBody[] bodies =
        [
            BodyOf(SteeringGroupId, "BUS styrgrupp", BodyKind.SteeringGroup),
            BodyOf(ManagementGroupId, "BUS ledningsgrupp", BodyKind.ManagementGroup),
            BodyOf(WorkingGroupId, "BUS arbetsgrupp", BodyKind.WorkingGroup),
            new()
            {
                Id = PresidiumId,
                Name = "Presidiemöte BUS",
                Kind = BodyKind.PresidiumMeeting,
                OrganizationId = OrganizationId,
                AgreementId = AgreementId,
                RotationOrder = [.. PartyBoardIds.Select(board => new List<string> { board })],
                RotationStartYear = MandateStart.Year,
            },
        ];

        var agreement = new Agreement
        {
            Id = AgreementId,
            Title = AgreementTitle,
            ValidFrom = MandateStart,
            ValidUntil = MandateEnd,
            Status = AgreementStatus.Active,
            OrganizationId = OrganizationId,
            BodyId = ManagementGroupId,
            Cycle = AgreementCycleShape.SpringAndAutumn,
            PartyBoardIds = [.. PartyBoardIds],
            Recipients = [.. PartyBoardIds, ExecutiveBoardId],
        };
        AgreementParty[] parties =
        [
            .. PartyBoardIds.Select((board, position) => new AgreementParty
            {
                Id = Guid.CreateVersion7(),
                AgreementId = AgreementId,
                BoardId = board,
                Involvement = PartyInvolvement.Decides,
                Position = position,
            }),
        ];
        AgreementRevision[] revisions =
        [
            new()
            {
                Id = Guid.CreateVersion7(),
                AgreementId = AgreementId,
                Date = new LocalDate(2024, 11, 12),
                Note = "Bilagan om uppföljning reviderad: arbetsgruppen följer upp insatserna inför vårens och höstens möten.",
            },
        ];

        // The outgoing boards decided on the agreement in February 2023 and their chairs signed it on paper.
        var decided = new (string BoardId, LocalDate Date, string Paragraph, string RegistrationNumber, LocalDate Signed)[]
        {
            (SocialBoardId, new LocalDate(2023, 2, 14), "§ 14", "2023.004 SN", new LocalDate(2023, 3, 1)),
            (ChildrenAndYouthBoardId, new LocalDate(2023, 2, 15), "§ 9", "2023.007 BUN", new LocalDate(2023, 3, 2)),
            (CultureAndEducationBoardId, new LocalDate(2023, 2, 23), "§ 12", "2023.003 KUN", new LocalDate(2023, 3, 6)),
        };
        PartyDecision[] decisions =
        [
            .. decided.Select(d => new PartyDecision
            {
                Id = Guid.CreateVersion7(),
                Subject = AgreementTitle,
                AgreementId = AgreementId,
                BoardId = d.BoardId,
                Outcome = DecisionOutcome.Approve,
                DecisionDate = d.Date,
                Paragraph = d.Paragraph,
                RegistrationNumber = d.RegistrationNumber,
                RecordedAt = now,
                RecordedBy = RecordedBy,
            }),
        ];
        PartySignature[] signatures =
        [
            .. decided.Select(d => new PartySignature
            {
                Id = Guid.CreateVersion7(),
                AgreementId = AgreementId,
                BoardId = d.BoardId,
                PersonId = chairs[d.BoardId].Id,
                SignedAt = StockholmTime.At(d.Signed, new LocalTime(10, 0)),
                Proof = "paper",
            }),
        ];

        return new DemoData(organizations, boards, MeetingPlan(), people, roles, bodies, agreement, parties, revisions, decisions, signatures);
    }

    /// <summary>The boards' meetings from <see cref="FirstPlanYear"/> to <see cref="LastPlanYear"/>, by board and date.</summary>
    private static List<BoardMeeting> MeetingPlan()
    {
        var calendar = new SwedishWorkingDayCalendar();
        var meetings = new List<BoardMeeting>();
        foreach (var pattern in MeetingPatterns)
        {
            for (var year = FirstPlanYear; year <= LastPlanYear; year++)
            {
                for (var month = 1; month <= 12; month++)
                {
                    var date = pattern.DateIn(year, month);
                    if (month != 7 && calendar.IsWorkingDay(date))
                    {
                        meetings.Add(new BoardMeeting { Id = Guid.CreateVersion7(), BoardId = pattern.BoardId, Date = date, StartsAt = pattern.StartsAt });
                    }
                }
            }
        }

        return meetings;
    }

    private static Board BoardOf(string id, string code, string name, int noticeDays, bool inWorkingDays) => new()
    {
        Id = id,
        OrganizationId = OrganizationId,
        Code = code,
        Name = name,
        NoticeDays = noticeDays,
        NoticeInWorkingDays = inWorkingDays,
    };

    private static CollaborationBody BodyOf(string id, string name, BodyKind kind) =>
        new() { Id = id, Name = name, Kind = kind, OrganizationId = OrganizationId, AgreementId = AgreementId };

    /// <summary>"Göran Tidblad" at exempelby.test: id goran.tidblad, goran.tidblad@exempelby.test.</summary>
    private static Person PersonNamed(string name, string domain)
    {
        var id = AddressPart(name);
        return new Person { Id = id, Name = name, Email = $"{id}@{domain}" };
    }

    /// <summary>Lower case ASCII with the accents taken off (å → a, ö → o, é → e) and a dot between the names.</summary>
    private static string AddressPart(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c == ' ' ? '.' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private sealed record BoardCast(
        string BoardId, string Chair, string ViceChair, string Secretary, string HeadOfAdministration, string NextChair, string NextViceChair);

    /// <param name="Week">Which of the weekdays in the month: 1 to 4, or <see cref="Last"/>.</param>
    private sealed record MeetingPattern(string BoardId, IsoDayOfWeek Day, int Week, LocalTime StartsAt)
    {
        public const int Last = -1;

        public LocalDate DateIn(int year, int month)
        {
            var first = new LocalDate(year, month, 1);
            return Week == Last
                ? first.With(DateAdjusters.EndOfMonth).With(DateAdjusters.PreviousOrSame(Day))
                : first.With(DateAdjusters.NextOrSame(Day)).PlusWeeks(Week - 1);
        }
    }
}
