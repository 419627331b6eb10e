using BusFlow.Bus.Agreements;
using BusFlow.Bus.Model;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Storage.Tests.Bus;

public sealed class AgreementInForceQueryTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_renewed_agreement_leads_to_its_successor_without_reading_the_other_collaborations_agreements(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(records =>
        {
            var renewed = BusSample.Agreement("bus-2023-2026");
            renewed.Status = AgreementStatus.Superseded;
            records.Add(renewed);
            var successor = BusSample.Agreement("bus-2027-2030");
            successor.PredecessorId = renewed.Id;
            successor.ValidFrom = new LocalDate(2027, 1, 1);
            records.Add(successor);
            for (var k = 1; k <= 3; k++)
            {
                records.Add(BusSample.Agreement($"grannby-{k}"));
            }
        });

        await using var session = await fixture.Store.BeginAsync();
        var inForce = await AgreementInForce.OfAsync(session.Facet<IBusRecords>(), "bus-2023-2026", default);

        Assert.Equal("bus-2027-2030", inForce?.Id);
        var read = StoreFixture.ContextOf(session).ChangeTracker.Entries<Agreement>().Select(e => e.Entity.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["bus-2023-2026", "bus-2027-2030"], read);
    }
}
