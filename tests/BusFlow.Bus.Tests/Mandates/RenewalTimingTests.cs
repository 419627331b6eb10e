using BusFlow.Bus.Mandates;
using NodaTime;

namespace BusFlow.Bus.Tests.Mandates;

public sealed class RenewalTimingTests
{
    [Fact]
    public void An_agreement_ending_at_the_turn_of_an_election_year_gets_a_warning()
    {
        var timing = MandatePeriods.CheckRenewal(new LocalDate(2026, 12, 31), new LocalDate(2026, 4, 1));

        Assert.True(timing.EndsAfterElection);
        Assert.Equal(new LocalDate(2026, 9, 13), timing.Election);
        Assert.True(timing.HasWarning);
        Assert.Equal(
            "Överenskommelsen löper ut 2026-12-31, efter valet 2026-09-13: de avgående nämnderna behöver besluta före årsskiftet, annars beslutar de nya nämnderna först 2027.",
            timing.WarningSv);
        Assert.Equal(
            "The agreement ends on 2026-12-31, after the election on 2026-09-13: the outgoing boards need to decide before the turn of the year, otherwise the new boards will not decide until 2027.",
            timing.WarningEn);
    }

    [Fact]
    public void An_agreement_ending_in_a_year_without_an_election_gets_no_warning()
    {
        var timing = MandatePeriods.CheckRenewal(new LocalDate(2028, 12, 31), new LocalDate(2028, 4, 1));

        Assert.False(timing.EndsAfterElection);
        Assert.False(timing.HasWarning);
        Assert.Null(timing.WarningSv);
        Assert.Null(timing.WarningEn);
    }

    [Fact]
    public void An_agreement_ending_before_the_election_of_its_year_gets_no_warning()
    {
        var timing = MandatePeriods.CheckRenewal(new LocalDate(2026, 6, 30), new LocalDate(2025, 10, 1));

        Assert.Null(timing.Election);
        Assert.False(timing.HasWarning);
    }

    [Fact]
    public void A_renewal_that_starts_after_the_election_is_warned_to_be_short_of_time()
    {
        var timing = MandatePeriods.CheckRenewal(new LocalDate(2026, 12, 31), new LocalDate(2026, 10, 1));

        Assert.Equal(
            "Överenskommelsen löper ut 2026-12-31, efter valet 2026-09-13: de avgående nämnderna behöver besluta före årsskiftet, annars beslutar de nya nämnderna först 2027. "
            + "Förnyelsen börjar först 2026-10-01, efter valet: de avgående nämnderna får ont om tid.",
            timing.WarningSv);
        Assert.Equal(
            "The agreement ends on 2026-12-31, after the election on 2026-09-13: the outgoing boards need to decide before the turn of the year, otherwise the new boards will not decide until 2027. "
            + "The renewal starts only on 2026-10-01, after the election: the outgoing boards will be short of time.",
            timing.WarningEn);
    }

    [Fact]
    public void A_renewal_that_starts_after_the_agreement_has_ended_is_warned_of_the_gap()
    {
        var timing = MandatePeriods.CheckRenewal(new LocalDate(2028, 12, 31), new LocalDate(2029, 2, 1));

        Assert.True(timing.StartsAfterEnd);
        Assert.Equal("Förnyelsen börjar 2029-02-01, efter att överenskommelsen har löpt ut: under en tid gäller ingen överenskommelse.", timing.WarningSv);
        Assert.Equal("The renewal starts on 2029-02-01, after the agreement has ended: for a while no agreement is in force.", timing.WarningEn);
    }

    [Fact]
    public void An_agreement_ending_in_the_autumn_after_the_election_must_be_decided_by_its_end()
    {
        var timing = MandatePeriods.CheckRenewal(new LocalDate(2026, 10, 31), new LocalDate(2026, 3, 1));

        Assert.Equal(
            "Överenskommelsen löper ut 2026-10-31, efter valet 2026-09-13: de avgående nämnderna behöver besluta senast 2026-10-31, annars beslutar de nya nämnderna först 2027.",
            timing.WarningSv);
    }
}
