using BusFlow.Bus.Mandates;
using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Tests.Mandates;

public sealed class RenewalOutlookTests
{
    private static Agreement Ending2026(AgreementStatus status) => new()
    {
        Id = "bus-2023-2026",
        Title = "BUS 2023–2026",
        ValidFrom = new LocalDate(2023, 1, 1),
        ValidUntil = new LocalDate(2026, 12, 31),
        Status = status,
    };

    private static Agreement Successor(AgreementStatus status) => new()
    {
        Id = "bus-2027-2030",
        Title = "BUS 2027–2030",
        ValidFrom = new LocalDate(2027, 1, 1),
        ValidUntil = new LocalDate(2030, 12, 31),
        Status = status,
        PredecessorId = "bus-2023-2026",
    };

    [Fact]
    public void Before_the_renewal_starts_there_is_nothing_to_say()
    {
        Assert.Empty(RenewalOutlook.For(Ending2026(AgreementStatus.Active), null, new LocalDate(2026, 3, 1)));
    }

    [Fact]
    public void In_the_last_months_before_an_election_end_the_administrator_is_warned_and_told_where_the_successor_stands()
    {
        var lines = RenewalOutlook.For(Ending2026(AgreementStatus.Active), Successor(AgreementStatus.InDecision), new LocalDate(2026, 11, 28));

        Assert.Equal(2, lines.Count);
        Assert.Contains("efter valet 2026-09-13", lines[0].Swedish, StringComparison.Ordinal);
        Assert.Equal("BUS 2027–2030 är ute för beslut hos parterna.", lines[1].Swedish);
        Assert.Equal("BUS 2027–2030 is with the parties for decision.", lines[1].English);
    }

    [Fact]
    public void A_lapsed_agreement_says_the_collaboration_goes_on_while_the_renewal_does()
    {
        var lines = RenewalOutlook.For(Ending2026(AgreementStatus.Expired), Successor(AgreementStatus.InDecision), new LocalDate(2027, 2, 1));

        Assert.StartsWith("Överenskommelsen löpte ut 2026-12-31 utan ny överenskommelse. Samverkan fortsätter", lines[0].Swedish, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_the_successor_is_in_force_the_renewal_is_behind_it()
    {
        Assert.Empty(RenewalOutlook.For(Ending2026(AgreementStatus.Superseded), Successor(AgreementStatus.Active), new LocalDate(2027, 2, 1)));
    }
}
