using BusFlow.Bus.Mandates;
using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Tests.Mandates;

public sealed class RenewalNamesTests
{
    private static readonly MandatePeriod Next = MandatePeriods.For(new LocalDate(2031, 1, 1));

    [Theory]
    [InlineData("bus-2027-2030", "Samverkansöverenskommelse BUS 2027–2030", "bus-2031-2034", "Samverkansöverenskommelse BUS 2031–2034")]
    [InlineData("angsby-bus-2027-2030", "Samverkansöverenskommelse BUS Ängsby 2027–2030", "angsby-bus-2031-2034", "Samverkansöverenskommelse BUS Ängsby 2031–2034")]
    [InlineData("lillby-bus", "Överenskommelse 2027-2030 om BUS", "lillby-bus-2031-2034", "Överenskommelse 2031-2034 om BUS")]
    [InlineData("strandvik-bus", "Lokal överenskommelse om samverkan kring barn och unga", "strandvik-bus-2031-2034", "Lokal överenskommelse om samverkan kring barn och unga 2031–2034")]
    public void A_successor_keeps_the_collaborations_own_names_with_the_new_periods_years(string id, string title, string nextId, string nextTitle)
    {
        var predecessor = new Agreement { Id = id, Title = title, ValidFrom = new LocalDate(2027, 1, 1), ValidUntil = new LocalDate(2030, 12, 31) };

        Assert.Equal((nextId, nextTitle), (RenewalNames.IdAfter(predecessor, Next), RenewalNames.TitleAfter(predecessor, Next)));
    }
}
