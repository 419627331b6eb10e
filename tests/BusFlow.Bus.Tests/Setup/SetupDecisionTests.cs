using BusFlow.Bus.Calendar;
using BusFlow.Bus.Model;
using BusFlow.Bus.Setup;
using NodaTime;

namespace BusFlow.Bus.Tests.Setup;

/// <summary>An agreement's decisions and signatures in a setup file: official records, added once and never changed by an import.</summary>
public sealed class SetupDecisionTests
{
    private const string Decided = """
        organizations:
          - { id: lillby, name: Lillby kommun }
        boards:
          - { id: lillby-sn, organization: lillby, code: SN, name: Socialnämnden }
          - { id: lillby-ks, organization: lillby, code: KS, name: Kommunstyrelsen }
        people:
          - { id: anna, name: Anna Ek, email: anna@lillby.test }
        bodies:
          - { id: lillby-lg, organization: lillby, name: BUS ledningsgrupp, kind: managementGroup }
        agreements:
          - id: lillby-bus
            organization: lillby
            title: BUS Lillby
            validFrom: 2023-01-01
            validUntil: 2026-12-31
            body: lillby-lg
            parties:
              - { board: lillby-sn }
            decisions:
              - { board: lillby-sn, outcome: referBack, date: 2023-01-17, paragraph: "§ 3" }
              - { board: lillby-sn, date: 2023-02-14, paragraph: "§ 14", registrationNumber: 2023.004 SN, signedBy: anna, signedAt: "2023-03-01 10:00" }
        """;

    [Fact]
    public async Task Decisions_and_a_signature_import_once_and_export_as_they_were_written()
    {
        await using var store = await SetupStore.CreateAsync();

        var first = await store.ImportAsync("x.yaml", Decided);
        var again = await store.ImportAsync("x.yaml", Decided);

        Assert.True(first.Succeeded, string.Join(Environment.NewLine, first.Problems));
        Assert.Contains("+ decision of lillby-sn on lillby-bus: referBack on 2023-01-17", first.Changes);
        Assert.Contains("+ signature of lillby-bus for lillby-sn by anna on 2023-03-01", first.Changes);
        Assert.Empty(again.Changes);
        var decisions = await store.ReadAsync(records => records.ListDecisionsAsync("lillby-bus", default));
        Assert.Equal([DecisionOutcome.ReferBack, DecisionOutcome.Approve], decisions.OrderBy(d => d.DecisionDate).Select(d => d.Outcome));
        Assert.All(decisions, d => Assert.Equal((SetupStore.Now, "import of x.yaml"), (d.RecordedAt, d.RecordedBy)));
        var signature = Assert.Single(await store.ReadAsync(records => records.ListSignaturesAsync("lillby-bus", default)));
        Assert.Equal(("anna", StockholmTime.At(new LocalDate(2023, 3, 1), new LocalTime(10, 0)), "paper"), (signature.PersonId, signature.SignedAt, signature.Proof));
        var exported = SetupWriter.ToYaml(await store.ExportAsync());
        Assert.Contains("      - { board: lillby-sn, outcome: referBack, date: 2023-01-17, paragraph: \"§ 3\" }\n", exported, StringComparison.Ordinal);
        Assert.Contains("      - { board: lillby-sn, date: 2023-02-14, paragraph: \"§ 14\", registrationNumber: 2023.004 SN, signedBy: anna, signedAt: \"2023-03-01 10:00\" }\n", exported, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "{ board: lillby-sn, outcome: referBack", "{ board: lillby-ks, outcome: referBack", "x.yaml:20: agreements[0].decisions[0].board: \"lillby-ks\" is not a board party of lillby-bus: only its parties decide on it" },
        { "outcome: referBack, date: 2023-01-17, paragraph: \"§ 3\" }", "outcome: referBack, date: 2023-01-17, paragraph: \"§ 3\", signedBy: anna, signedAt: \"2023-01-20 10:00\" }", "x.yaml:20: agreements[0].decisions[0].signedBy: only an approval is signed; this decision is referBack" },
        { "signedBy: anna, signedAt", "signedBy: bertil, signedAt", "x.yaml:21: agreements[0].decisions[1].signedBy: person \"bertil\" is neither in the file nor in the directory" },
        { ", signedAt: \"2023-03-01 10:00\"", "", "x.yaml:21: agreements[0].decisions[1].signedBy: signedBy without signedAt: when was it signed?" },
        { "\"2023-03-01 10:00\"", "\"2023-03-01\"", "x.yaml:21: agreements[0].decisions[1].signedAt: \"2023-03-01\" is not a local time of day (YYYY-MM-DD HH:mm)" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_wrong_decision_line_is_reported_with_its_line_and_path_and_nothing_is_saved(string find, string replace, string expected)
    {
        Assert.Contains(find, Decided, StringComparison.Ordinal);
        await using var store = await SetupStore.CreateAsync();

        var imported = await store.ImportAsync("x.yaml", Decided.Replace(find, replace, StringComparison.Ordinal));

        Assert.Equal(expected, Assert.Single(imported.Problems).ToString());
        Assert.Equal(0, await store.CountAsync("organizations"));
    }

    [Fact]
    public async Task A_stored_decision_or_signature_is_never_changed_by_a_later_import()
    {
        await using var store = await SetupStore.CreateAsync();
        await store.ImportAsync("x.yaml", Decided);

        var changed = await store.ImportAsync("x.yaml", Decided
            .Replace("paragraph: \"§ 14\"", "paragraph: \"§ 15\"", StringComparison.Ordinal)
            .Replace("\"2023-03-01 10:00\"", "\"2023-03-02 10:00\"", StringComparison.Ordinal));

        Assert.Equal(
            [
                "x.yaml:21: agreements[0].decisions[1]: the decision of lillby-sn on 2023-02-14 is recorded as § 14, 2023.004 SN: an official record is never changed",
                "x.yaml:21: agreements[0].decisions[1].signedBy: lillby-bus is signed for lillby-sn by anna at 2023-03-01 10:00: an official record is never changed",
            ],
            changed.Problems.Select(p => p.ToString()));
        Assert.Equal("§ 14", (await store.ReadAsync(records => records.ListDecisionsAsync("lillby-bus", default))).Single(d => d.Outcome == DecisionOutcome.Approve).Paragraph);
    }
}
