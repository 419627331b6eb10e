using System.Text.RegularExpressions;
using BusFlow.Bus.Calendar;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Bus.Rotation;
using BusFlow.Bus.Setup;
using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Bus.Tests.Demo;

public sealed class DemoMunicipalityTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 12, 0);
    private static readonly SetupDocument Demo = SetupReader.Read(DemoMunicipality.File, DemoMunicipality.Text).Document!;

    /// <summary>Every meeting in the demo's plans.</summary>
    private static readonly (string BoardId, LocalDate Date)[] Meetings =
        [.. Demo.Boards.SelectMany(b => b.MeetingPlans.SelectMany(plan => plan.Meetings.Select(m => (b.Id, m.Date))))];

    private TestDatabase _database = null!;
    private IWorkflowStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _store = await _database.CreateStoreAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_demo_is_seeded_once_and_seeding_again_changes_nothing()
    {
        Assert.True(await SeedAsync());
        var boards = await ReadAsync(r => r.ListBoardsAsync(default));

        Assert.False(await SeedAsync());

        Assert.Equal(boards.Select(b => b.Id), (await ReadAsync(r => r.ListBoardsAsync(default))).Select(b => b.Id));
        Assert.Single(await ReadAsync(r => r.ListAgreementsAsync(default)));
        Assert.Equal(3, (await ReadAsync(r => r.ListDecisionsAsync(DemoMunicipality.AgreementId, default))).Count);
        Assert.Equal(Meetings.Count(m => m.BoardId == "sn"), (await ReadAsync(r => r.ListMeetingsAsync("sn", new LocalDate(2000, 1, 1), new LocalDate(2100, 1, 1), default))).Count);
    }

    [Fact]
    public async Task The_municipality_has_the_three_party_boards_and_the_municipal_executive_board()
    {
        await SeedAsync();

        var organization = await ReadAsync(r => r.FindOrganizationAsync(DemoMunicipality.OrganizationId, default));
        Assert.Equal(("Exempelby kommun", OrganizationKind.Municipality), (organization!.Name, organization.Kind));
        var boards = (await ReadAsync(r => r.ListBoardsAsync(default))).ToDictionary(b => b.Id);
        Assert.Equal(["bun", "ks", "kun", "sn"], boards.Keys.Order(StringComparer.Ordinal));
        Assert.All(boards.Values, b => Assert.Equal(DemoMunicipality.OrganizationId, b.OrganizationId));
        Assert.Equal(("SN", "Socialnämnden", 5, false), Notice(boards["sn"]));
        Assert.Equal(("BUN", "Barn- och ungdomsnämnden", 4, true), Notice(boards["bun"]));
        Assert.Equal(("KUN", "Kultur- och utbildningsnämnden", 5, false), Notice(boards["kun"]));
        Assert.Equal(("KS", "Kommunstyrelsen", 5, false), Notice(boards["ks"]));

        static (string, string, int, bool) Notice(Board b) => (b.Code, b.Name, b.NoticeDays, b.NoticeInWorkingDays);
    }

    [Fact]
    public async Task The_agreement_2023_2026_is_active_decided_by_each_party_and_signed_by_its_chair()
    {
        await SeedAsync();

        var agreement = (await ReadAsync(r => r.FindAgreementAsync("bus-2023-2026", default)))!;
        Assert.Equal("Samverkansöverenskommelse BUS 2023–2026", agreement.Title);
        Assert.Equal((new LocalDate(2023, 1, 1), new LocalDate(2026, 12, 31)), (agreement.ValidFrom, agreement.ValidUntil));
        Assert.Equal(AgreementStatus.Active, agreement.Status);
        Assert.Equal(["sn", "bun", "kun"], agreement.PartyBoardIds);
        Assert.Equal(["sn", "bun", "kun", "ks"], agreement.Recipients);

        var decisions = await ReadAsync(r => r.ListDecisionsAsync(agreement.Id, default));
        Assert.Equal(["sn", "bun", "kun"], decisions.Select(d => d.BoardId));
        Assert.All(decisions, d =>
        {
            Assert.Equal(DecisionOutcome.Approve, d.Outcome);
            Assert.Equal(2023, d.DecisionDate.Year);
            Assert.Matches(@"^2023\.\d{3} (SN|BUN|KUN)$", d.RegistrationNumber);
            Assert.EndsWith(d.BoardId.ToUpperInvariant(), d.RegistrationNumber, StringComparison.Ordinal);
            Assert.Equal(Now, d.RecordedAt);
        });

        var signatures = await ReadAsync(r => r.ListSignaturesAsync(agreement.Id, default));
        Assert.Equal(["sn", "bun", "kun"], signatures.Select(s => s.BoardId));
        foreach (var signature in signatures)
        {
            var signedOn = signature.SignedAt.InZone(StockholmTime.Zone).Date;
            var decidedOn = decisions.Single(d => d.BoardId == signature.BoardId).DecisionDate;
            Assert.True(signedOn > decidedOn, $"{signature.BoardId} signed on {signedOn}, before its decision on {decidedOn}");
            var chair = await ReadAsync(r => r.FindRoleHolderAsync(RoleKind.Chair, signature.BoardId, signedOn, default));
            Assert.Equal(chair!.Id, signature.PersonId);
        }
    }

    [Fact]
    public async Task Each_board_has_its_presidium_and_officials_and_a_new_chair_and_vice_chair_from_2027()
    {
        await SeedAsync();
        var lastDay = new LocalDate(2026, 12, 31);
        var firstDay = new LocalDate(2027, 1, 1);

        foreach (var board in new[] { "sn", "bun", "kun", "ks" })
        {
            Task<Person?> Holder(RoleKind role, LocalDate day) => ReadAsync(r => r.FindRoleHolderAsync(role, board, day, default));

            foreach (var role in new[] { RoleKind.Chair, RoleKind.ViceChair })
            {
                var outgoing = await Holder(role, lastDay);
                var incoming = await Holder(role, firstDay);
                Assert.NotNull(outgoing);
                Assert.NotNull(incoming);
                Assert.NotEqual(outgoing.Id, incoming.Id);
                Assert.Equal(outgoing.Id, (await Holder(role, new LocalDate(2023, 1, 1)))?.Id);
                Assert.Null(await Holder(role, new LocalDate(2022, 12, 31)));
            }

            foreach (var role in new[] { RoleKind.Secretary, RoleKind.HeadOfAdministration })
            {
                var before = await Holder(role, lastDay);
                Assert.NotNull(before);
                Assert.Equal(before.Id, (await Holder(role, firstDay))?.Id);
            }

            var presidium = await ReadAsync(r => r.ListRoleHoldersAsync(board, lastDay, default));
            Assert.Equal(4, presidium.Select(h => h.Person.Id).Distinct().Count());
        }
    }

    [Fact]
    public async Task The_collaboration_bodies_are_staffed_and_the_presidium_convener_rotates_from_2023()
    {
        await SeedAsync();
        var day = new LocalDate(2026, 6, 1);

        var bodies = (await ReadAsync(r => r.ListBodiesAsync(default))).ToDictionary(b => b.Id);
        Assert.Equal(
            [BodyKind.SteeringGroup, BodyKind.ManagementGroup, BodyKind.WorkingGroup, BodyKind.PresidiumMeeting],
            bodies.Values.Select(b => b.Kind).Order());

        var chairs = await PartyHoldersAsync(RoleKind.Chair, day);
        var viceChairs = await PartyHoldersAsync(RoleKind.ViceChair, day);
        var heads = await PartyHoldersAsync(RoleKind.HeadOfAdministration, day);

        var steering = await MembersAsync(DemoMunicipality.SteeringGroupId, day);
        Assert.Equal(chairs.Order(StringComparer.Ordinal), steering);
        var management = await MembersAsync(DemoMunicipality.ManagementGroupId, day);
        Assert.Equal(chairs.Concat(viceChairs).Concat(heads).Order(StringComparer.Ordinal), management);
        var presidium = await MembersAsync(DemoMunicipality.PresidiumId, day);
        Assert.Equal(chairs.Concat(viceChairs).Order(StringComparer.Ordinal), presidium);
        Assert.NotEmpty(await MembersAsync(DemoMunicipality.WorkingGroupId, day));
        Assert.NotNull(await ReadAsync(r => r.FindRoleHolderAsync(RoleKind.Chair, DemoMunicipality.WorkingGroupId, day, default)));

        // The steering group follows the chairs across the turn of the mandate period.
        var nextChair = await ReadAsync(r => r.FindRoleHolderAsync(RoleKind.Chair, "sn", new LocalDate(2027, 1, 1), default));
        Assert.Contains(nextChair!.Id, await MembersAsync(DemoMunicipality.SteeringGroupId, new LocalDate(2027, 1, 1)));

        var rotation = ConvenerRotation.From(bodies[DemoMunicipality.PresidiumId])!;
        Assert.Equal(2023, rotation.StartYear);
        Assert.Equal(["sn", "bun", "kun", "sn"], Enumerable.Range(2023, 4).Select(year => Assert.Single(rotation.ConvenerIn(year))));
    }

    [Fact]
    public void Every_person_is_reached_at_a_reserved_address_and_has_an_id_and_address_of_their_own()
    {
        Assert.All(Demo.People, p =>
        {
            var domain = p.Email[(p.Email.IndexOf('@', StringComparison.Ordinal) + 1)..];
            Assert.True(
                domain.EndsWith(".test", StringComparison.Ordinal) || domain == "example.org" || domain.EndsWith(".example.org", StringComparison.Ordinal),
                $"{p.Name} has the address {p.Email}, outside the reserved .test and example.org");
            Assert.Matches("^[a-z.]+@[a-z.]+$", p.Email);
        });
        Assert.Equal(Demo.People.Count, Demo.People.Select(p => p.Id).Distinct().Count());
        Assert.Equal(Demo.People.Count, Demo.People.Select(p => p.Email).Distinct().Count());
        Assert.Equal(Demo.People.Count, Demo.People.Select(p => p.Name).Distinct().Count());
        Assert.All(Demo.Boards.SelectMany(b => b.Roles).Concat(Demo.Bodies.SelectMany(b => b.Members)), r => Assert.Contains(Demo.People, p => p.Id == r.Person));
    }

    [Fact]
    public void No_name_of_a_demo_person_appears_in_the_seed_documents()
    {
        var seeds = SeedTexts();
        Assert.NotEmpty(seeds);

        foreach (var person in Demo.People)
        {
            // The whole name, and each of its names on its own (a shared surname is too close to a real person).
            foreach (var name in person.Name.Split(' ').Prepend(person.Name))
            {
                var pattern = new Regex($@"(?<!\p{{L}}){Regex.Escape(name)}(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                var found = seeds.FirstOrDefault(seed => pattern.IsMatch(seed.Text));
                Assert.True(found.Text is null, $"'{name}' (of {person.Name}) appears in the seed {found.File}");
            }
        }
    }

    [Fact]
    public void Every_meeting_is_on_a_weekday_that_is_no_holiday_and_each_board_meets_about_ten_times_a_year()
    {
        var calendar = new SwedishWorkingDayCalendar();
        Assert.All(Meetings, m =>
        {
            Assert.True(m.Date.DayOfWeek is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Friday, $"{m.BoardId} meets on a {m.Date.DayOfWeek}, {m.Date}");
            Assert.True(calendar.IsWorkingDay(m.Date), $"{m.BoardId} meets on {m.Date}, {calendar.HolidayOn(m.Date)?.SwedishName}");
            Assert.NotEqual(7, m.Date.Month);
        });

        foreach (var board in new[] { "sn", "bun", "kun", "ks" })
        {
            for (var year = 2026; year <= 2031; year++)
            {
                var count = Meetings.Count(m => m.BoardId == board && m.Date.Year == year);
                Assert.True(count is >= 9 and <= 12, $"{board} meets {count} times in {year}");
            }
        }

        Assert.Equal(Meetings.Length, Meetings.Distinct().Count());
    }

    [Fact]
    public void A_holiday_drops_the_meeting_from_the_plan()
    {
        // KUN meets on the fourth Thursday: 24 December 2026 is julafton, 25 May 2028 Kristi himmelsfärdsdag.
        Assert.DoesNotContain(Meetings, m => m.BoardId == "kun" && m.Date == new LocalDate(2026, 12, 24));
        Assert.DoesNotContain(Meetings, m => m.BoardId == "kun" && m.Date == new LocalDate(2028, 5, 25));
        Assert.Contains(Meetings, m => m.BoardId == "kun" && m.Date == new LocalDate(2026, 11, 26));
    }

    private async Task<bool> SeedAsync()
    {
        await using var session = await _store.BeginAsync();
        var seeded = await DemoMunicipality.SeedAsync(session.Facet<IBusRecords>(), Now, default);
        await session.CommitAsync(default);
        return seeded;
    }

    private async Task<T> ReadAsync<T>(Func<IBusRecords, Task<T>> read)
    {
        await using var session = await _store.BeginAsync();
        return await read(session.Facet<IBusRecords>());
    }

    /// <summary>The ids of the holders of a role on each party board on a day.</summary>
    private async Task<List<string>> PartyHoldersAsync(RoleKind role, LocalDate day)
    {
        var ids = new List<string>();
        foreach (var board in DemoMunicipality.PartyBoardIds)
        {
            var holder = await ReadAsync(r => r.FindRoleHolderAsync(role, board, day, default));
            ids.Add(Assert.IsType<Person>(holder).Id);
        }

        return ids;
    }

    private async Task<IEnumerable<string>> MembersAsync(string bodyId, LocalDate day) =>
        (await ReadAsync(r => r.ListRoleHoldersAsync(bodyId, day, default)))
            .Where(h => h.Role.Role == RoleKind.Member)
            .Select(h => h.Person.Id)
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// The seed documents, kept as they are in Demo/Seeds of this test project, so that the check
    /// needs nothing beside the repository (a fresh clone has no shared/ next to it).
    /// </summary>
    private static List<(string File, string Text)> SeedTexts()
    {
        var seeds = Path.Combine(RepositoryRoot.Path, "tests", "BusFlow.Bus.Tests", "Demo", "Seeds");
        Assert.True(Directory.Exists(seeds), $"No {seeds}: the seed documents the demo's names are checked against.");
        return [.. Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];
    }
}
