using BusFlow.Bus.Model;
using BusFlow.Bus.Setup;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Bus.Tests.Setup;

public sealed class SetupImportTests
{
    public static TheoryData<string> Examples => SetupExamples.All;

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_imports_and_importing_it_again_changes_nothing(string example)
    {
        await using var store = await SetupStore.CreateAsync();

        var first = await store.ImportAsync(SetupExamples.Shown(example), SetupExamples.Read(example));
        var second = await store.ImportAsync(SetupExamples.Shown(example), SetupExamples.Read(example));

        Assert.True(first.Succeeded, string.Join(Environment.NewLine, first.Problems));
        Assert.NotEmpty(first.Changes);
        Assert.True(second.Succeeded, string.Join(Environment.NewLine, second.Problems));
        Assert.Empty(second.Changes);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_spring_and_autumn_example_is_stored_alike_on_SQLite_and_PostgreSQL(string provider)
    {
        await using var store = await SetupStore.CreateAsync(provider);

        var imported = await store.ImportAsync(SetupExamples.Shown(SetupExamples.SpringAndAutumn), SetupExamples.Read(SetupExamples.SpringAndAutumn));

        Assert.True(imported.Succeeded, string.Join(Environment.NewLine, imported.Problems));
        var agreement = await store.ReadAsync(records => records.FindAgreementAsync("angsby-bus-2027-2030", default));
        Assert.Equal(("angsby", "angsby-ledningsgrupp", AgreementCycleShape.SpringAndAutumn), (agreement!.OrganizationId, agreement.BodyId, agreement.Cycle));
        Assert.Equal(["angsby-sn", "angsby-bun", "angsby-kun"], agreement.PartyBoardIds);
        Assert.Equal(4 * 9 * 3, await store.CountAsync("board_meetings"));
        Assert.Equal(3, await store.CountAsync("agreement_parties"));
        Assert.Empty((await store.ImportAsync(SetupExamples.Shown(SetupExamples.SpringAndAutumn), SetupExamples.Read(SetupExamples.SpringAndAutumn))).Changes);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task An_export_imported_into_an_empty_database_exports_the_same_records_in_YAML_and_in_JSON(string example)
    {
        await using var original = await SetupStore.CreateAsync();
        Assert.True((await original.ImportAsync(SetupExamples.Shown(example), SetupExamples.Read(example))).Succeeded);
        var exported = await original.ExportAsync();
        var yaml = SetupWriter.ToYaml(exported);

        await using var fromYaml = await SetupStore.CreateAsync();
        var yamlImport = await fromYaml.ImportAsync("export.yaml", yaml);
        await using var fromJson = await SetupStore.CreateAsync();
        var jsonImport = await fromJson.ImportAsync("export.json", SetupWriter.ToJson(exported));

        Assert.True(yamlImport.Succeeded, string.Join(Environment.NewLine, yamlImport.Problems));
        Assert.True(jsonImport.Succeeded, string.Join(Environment.NewLine, jsonImport.Problems));
        Assert.Equal(yaml, SetupWriter.ToYaml(await fromYaml.ExportAsync()));
        Assert.Equal(yaml, SetupWriter.ToYaml(await fromJson.ExportAsync()));
        Assert.Empty((await original.ImportAsync("export.yaml", yaml)).Changes);
    }

    [Fact]
    public async Task A_reimport_prints_each_change_a_moved_meeting_a_new_chair_a_dropped_member_and_a_new_party()
    {
        await using var store = await SetupStore.CreateAsync();
        var text = SetupExamples.Read(SetupExamples.SpringAndAutumn);
        await store.ImportAsync("angsby.yaml", text);
        var changed = text
            .Replace("{ date: 2027-02-09, time: \"13:00\", place: \"Stadshuset, sal Ekbacken\" }", "{ date: 2027-02-09, time: \"15:00\", place: \"Stadshuset, sal Ekbacken\" }", StringComparison.Ordinal)
            .Replace("      - { person: karin.ahlstrom, role: chair, from: 2027-01-01, until: 2030-12-31 }\n", "      - { person: karin.ahlstrom, role: chair, from: 2027-01-01, until: 2028-12-31 }\n      - { person: jonas.melin, role: chair, from: 2029-01-01, until: 2030-12-31 }\n", StringComparison.Ordinal)
            .Replace("      - { person: hugo.sandell, role: member, from: 2027-01-01 }\n", "", StringComparison.Ordinal)
            .Replace("    recipients: [angsby-sn", "      - { board: angsby-ks, involvement: consulted }\n    recipients: [angsby-sn", StringComparison.Ordinal);

        var reimport = await store.ImportAsync("angsby.yaml", changed);

        Assert.True(reimport.Succeeded, string.Join(Environment.NewLine, reimport.Problems));
        Assert.Equal(
            [
                "~ meeting of angsby-sn on 2027-02-09: time 13:00 → 15:00",
                "~ chair of angsby-sn: karin.ahlstrom from 2027-01-01: until 2030-12-31 → 2028-12-31",
                "+ chair of angsby-sn: jonas.melin from 2029-01-01 until 2030-12-31",
                "- member of angsby-arbetsgrupp: hugo.sandell from 2027-01-01",
                "+ party angsby-ks of angsby-bus-2027-2030 (consulted)",
            ],
            reimport.Changes);
        var chair = await store.ReadAsync(records => records.FindRoleHolderAsync(RoleKind.Chair, "angsby-sn", new LocalDate(2029, 3, 1), default));
        Assert.Equal("jonas.melin", chair!.Id);
    }

    [Fact]
    public async Task The_broad_collaboration_has_organizations_as_parties_and_only_its_deciding_boards_in_the_decision_round()
    {
        await using var store = await SetupStore.CreateAsync();
        await store.ImportAsync(SetupExamples.Shown(SetupExamples.BroadCollaboration), SetupExamples.Read(SetupExamples.BroadCollaboration));

        var (agreement, parties) = await store.ReadAsync(async records =>
            (await records.FindAgreementAsync("bergdala-bus-2027-2030", default), await records.ListPartiesAsync("bergdala-bus-2027-2030", default)));

        Assert.Equal(["bergdala-un", "bergdala-sn", "bergdala-kfn"], agreement!.PartyBoardIds);
        Assert.Equal(
            [
                ("bergdala-un", PartyInvolvement.Decides), ("bergdala-sn", PartyInvolvement.Decides), ("bergdala-kfn", PartyInvolvement.Decides),
                ("region-vastkust", PartyInvolvement.Decides), ("polisen-bergdala", PartyInvolvement.Decides), ("forsakringskassan", PartyInvolvement.Decides),
                ("elevbus-bergdala", PartyInvolvement.Consulted),
            ],
            parties.Select(p => (p.BoardId ?? p.OrganizationId!, p.Involvement)));
        Assert.Equal("nina.borg", parties.Single(p => p.OrganizationId == "polisen-bergdala").RepresentativeId);
    }

    [Fact]
    public async Task The_yearly_follow_up_example_keeps_its_convener_rotation_and_revisions()
    {
        await using var store = await SetupStore.CreateAsync();
        await store.ImportAsync(SetupExamples.Shown(SetupExamples.YearlyFollowUp), SetupExamples.Read(SetupExamples.YearlyFollowUp));

        var (body, revisions) = await store.ReadAsync(async records =>
            (await records.FindBodyAsync("strandvik-presidiemote", default), await records.ListRevisionsAsync("strandvik-bus", default)));

        Assert.Equal(2027, body!.RotationStartYear);
        Assert.Equal([["strandvik-sson"], ["strandvik-bsn", "strandvik-un"], ["strandvik-sn"]], body.RotationOrder);
        Assert.Equal([new LocalDate(2012, 5, 15), new LocalDate(2014, 2, 20)], revisions.Select(r => r.Date));
    }
}
