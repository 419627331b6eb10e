namespace BusFlow.Bus.Tests.Setup;

/// <summary>Each mistake is reported with file, line and path, and nothing of a file with a mistake is saved.</summary>
public sealed class SetupRulesTests
{
    /// <summary>A small collaboration that imports; each test breaks one line of it (the line numbers are those of this text).</summary>
    private const string Valid = """
        organizations:
          - { id: lillby, name: Lillby kommun }
          - { id: polisen, name: Polisen, kind: other }
        boards:
          - id: lillby-sn
            organization: lillby
            code: SN
            name: Socialnämnden
            meetingPlans:
              - year: 2027
                meetings:
                  - { date: 2027-02-09, time: "13:00", place: Stadshuset }
            roles:
              - { person: anna, role: chair, from: 2027-01-01, until: 2030-12-31 }
              - { person: bo, role: secretary, from: 2027-01-01 }
          - id: lillby-bun
            organization: lillby
            code: BUN
            name: Barn- och ungdomsnämnden
        people:
          - { id: anna, name: Anna Ek, email: anna@lillby.test }
          - { id: bo, name: Bo Ek, email: bo@lillby.test }
        bodies:
          - id: lillby-ledningsgrupp
            organization: lillby
            name: BUS ledningsgrupp
            kind: managementGroup
            members:
              - { person: anna, from: 2027-01-01 }
        agreements:
          - id: lillby-bus
            organization: lillby
            title: BUS Lillby
            validFrom: 2027-01-01
            validUntil: 2030-12-31
            body: lillby-ledningsgrupp
            parties:
              - { board: lillby-sn }
              - { organization: polisen, involvement: consulted }
            recipients: [lillby-sn, lillby-bun]

        """;

    public static TheoryData<string, string, string> Mistakes { get; } = new()
    {
        { "code: BUN", "code: SN", "x.yaml:18: boards[1].code: duplicate code \"SN\"" },
        { "  - { id: bo, name: Bo Ek", "  - { id: anna, name: Anna Ek, email: anna.ek@lillby.test }\n  - { id: bo, name: Bo Ek", "x.yaml:22: people[1].id: duplicate id \"anna\"" },
        { "{ person: bo, role: secretary, from: 2027-01-01 }", "{ person: bo, role: chair, from: 2029-01-01 }", "x.yaml:15: boards[0].roles[1]: chair of lillby-sn from 2029-01-01 overlaps boards[0].roles[0] (anna from 2027-01-01 until 2030-12-31): one person holds it at a time" },
        { "from: 2027-01-01, until: 2030-12-31 }", "from: 2027-01-01, until: 2026-12-31 }", "x.yaml:14: boards[0].roles[0].until: until 2026-12-31 is before from 2027-01-01" },
        { "date: 2027-02-09", "date: 2026-11-10", "x.yaml:12: boards[0].meetingPlans[0].meetings[0].date: 2026-11-10 is not in the plan's year 2027" },
        { "- year: 2027\n        meetings:\n          - { date: 2027-02-09", "- year: 2026\n        meetings:\n          - { date: 2026-11-10", "x.yaml:12: boards[0].meetingPlans[0].meetings[0].date: the meeting on 2026-11-10 is in the past (today is 2026-12-01)" },
        { "validUntil: 2030-12-31", "validUntil: 2026-12-31", "x.yaml:35: agreements[0].validUntil: the agreement ends 2026-12-31, before it starts 2027-01-01" },
        { "    parties:\n      - { board: lillby-sn }\n      - { organization: polisen, involvement: consulted }\n", "    parties: []\n", "x.yaml:37: agreements[0].parties: an agreement needs at least one party" },
        { "{ board: lillby-sn }", "{ board: lillby-kun }", "x.yaml:38: agreements[0].parties[0].board: board \"lillby-kun\" is neither in the file nor in the directory" },
        { "{ organization: polisen, involvement", "{ organization: brandkaren, involvement", "x.yaml:39: agreements[0].parties[1].organization: organization \"brandkaren\" is neither in the file nor in the directory" },
        { "- { person: anna, from: 2027-01-01 }", "- { person: cecilia, from: 2027-01-01 }", "x.yaml:29: bodies[0].members[0].person: person \"cecilia\" is neither in the file nor in the directory" },
        { "    body: lillby-ledningsgrupp\n", "", "x.yaml:31: agreements[0].body: an agreement in force needs the body that meets in its yearly meetings" },
        { "body: lillby-ledningsgrupp", "body: lillby-styrgrupp", "x.yaml:36: agreements[0].body: body \"lillby-styrgrupp\" is neither in the file nor in the directory" },
        { "kind: managementGroup", "kind: managementgroup", "x.yaml:27: bodies[0].kind: \"managementgroup\" is not one of: steeringGroup, managementGroup, workingGroup, presidiumMeeting" },
        { "    code: SN\n", "    code: SN\n    colour: red\n", "x.yaml:8: boards[0].colour: unknown field \"colour\" (expected one of: id, organization, code, name, noticeDays, noticeInWorkingDays, meetingPlans, roles)" },
        { "validFrom: 2027-01-01", "validFrom: 2027-13-01", "x.yaml:34: agreements[0].validFrom: \"2027-13-01\" is not a date (YYYY-MM-DD)" },
    };

    [Fact]
    public async Task The_small_collaboration_the_mistakes_are_made_in_imports()
    {
        await using var store = await SetupStore.CreateAsync();

        var imported = await store.ImportAsync("x.yaml", Valid);

        Assert.True(imported.Succeeded, string.Join(Environment.NewLine, imported.Problems));
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_is_reported_with_file_line_and_path_and_nothing_is_saved(string find, string replace, string expected)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        await using var store = await SetupStore.CreateAsync();

        var imported = await store.ImportAsync("x.yaml", Valid.Replace(find, replace, StringComparison.Ordinal));

        Assert.Equal(expected, Assert.Single(imported.Problems).ToString());
        Assert.Equal(0, await store.CountAsync("organizations"));
        Assert.Equal(0, await store.CountAsync("people"));
    }

    [Fact]
    public async Task Every_mistake_of_a_file_is_reported_in_one_run()
    {
        await using var store = await SetupStore.CreateAsync();
        var broken = Valid
            .Replace("code: BUN", "code: SN", StringComparison.Ordinal)
            .Replace("validUntil: 2030-12-31", "validUntil: 2026-12-31", StringComparison.Ordinal);

        var imported = await store.ImportAsync("x.yaml", broken);

        Assert.Equal(["boards[1].code", "agreements[0].validUntil"], imported.Problems.Select(p => p.Path));
    }

    [Fact]
    public async Task A_reference_to_a_record_already_in_the_directory_is_accepted()
    {
        await using var store = await SetupStore.CreateAsync();
        await store.ImportAsync("x.yaml", Valid);
        const string addition = """
            people:
              - { id: cecilia, name: Cecilia Ek, email: cecilia@lillby.test }
            boards:
              - id: lillby-kun
                organization: lillby
                code: KUN
                name: Kultur- och utbildningsnämnden
                roles:
                  - { person: anna, role: viceChair, from: 2027-01-01 }
            """;

        var imported = await store.ImportAsync("more.yaml", addition);

        Assert.True(imported.Succeeded, string.Join(Environment.NewLine, imported.Problems));
        Assert.Equal(3, imported.Changes.Count);
    }

    [Fact]
    public async Task A_past_meeting_that_is_stored_already_is_no_mistake_when_the_file_is_imported_again_later()
    {
        await using var store = await SetupStore.CreateAsync();
        await store.ImportAsync("x.yaml", Valid);

        var later = await store.ImportAsync("x.yaml", Valid, today: new NodaTime.LocalDate(2027, 6, 1));

        Assert.True(later.Succeeded, string.Join(Environment.NewLine, later.Problems));
        Assert.Empty(later.Changes);
    }

    [Fact]
    public async Task A_file_that_is_not_YAML_is_reported_with_its_line()
    {
        await using var store = await SetupStore.CreateAsync();

        var imported = await store.ImportAsync("x.yaml", "organizations:\n  - { id: a, name: [\n");

        Assert.StartsWith("x.yaml:", Assert.Single(imported.Problems).ToString(), StringComparison.Ordinal);
    }
}
