using BusFlow.Bus.Model;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage.Tests.Bus;

public sealed class OfficialBusRecordTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Changing_a_decision_is_refused_and_the_row_is_unchanged(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Agreement());
            r.Add(BusSample.Decision());
        });

        await using (var session = await fixture.Store.BeginAsync())
        {
            var decision = Assert.Single(await session.Facet<IBusRecords>().ListDecisionsAsync("bus-2023-2026", default));
            decision.Outcome = DecisionOutcome.Reject;
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync(default));
            Assert.Contains("PartyDecision is an official record and cannot be changed", refused.Message, StringComparison.Ordinal);
        }

        var saved = Assert.Single(await fixture.ReadBusAsync(r => r.ListDecisionsAsync("bus-2023-2026", default)));
        Assert.Equal(DecisionOutcome.Approve, saved.Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_a_decision_is_refused_and_the_row_is_kept(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Agreement());
            r.Add(BusSample.Decision());
        });

        await using (var session = await fixture.Store.BeginAsync())
        {
            var decision = Assert.Single(await session.Facet<IBusRecords>().ListDecisionsAsync("bus-2023-2026", default));
            StoreFixture.ContextOf(session).Remove(decision);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync(default));
            Assert.Contains("cannot be deleted", refused.Message, StringComparison.Ordinal);
        }

        Assert.Single(await fixture.ReadBusAsync(r => r.ListDecisionsAsync("bus-2023-2026", default)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Changing_or_deleting_a_signature_is_refused(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Agreement());
            r.Add(BusSample.Signature());
        });

        await using (var session = await fixture.Store.BeginAsync())
        {
            Assert.Single(await session.Facet<IBusRecords>().ListSignaturesAsync("bus-2023-2026", default)).PersonId = "someone-else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync(default));
        }

        await using (var session = await fixture.Store.BeginAsync())
        {
            var signature = Assert.Single(await session.Facet<IBusRecords>().ListSignaturesAsync("bus-2023-2026", default));
            StoreFixture.ContextOf(session).Remove(signature);
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync(default));
        }

        var saved = Assert.Single(await fixture.ReadBusAsync(r => r.ListSignaturesAsync("bus-2023-2026", default)));
        Assert.Equal("ordforande", saved.PersonId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_later_decision_is_a_new_record_beside_the_earlier_one(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Agreement());
            var referredBack = BusSample.Decision();
            referredBack.Outcome = DecisionOutcome.ReferBack;
            r.Add(referredBack);
        });

        await using (var session = await fixture.Store.BeginAsync())
        {
            var records = session.Facet<IBusRecords>();
            await records.ListDecisionsAsync("bus-2023-2026", default);
            var approved = BusSample.Decision();
            approved.DecisionDate = approved.DecisionDate.PlusWeeks(4);
            records.Add(approved);
            (await records.FindAgreementAsync("bus-2023-2026", default))!.Status = AgreementStatus.Signed;
            await session.CommitAsync(default);
        }

        var decisions = await fixture.ReadBusAsync(r => r.ListDecisionsAsync("bus-2023-2026", default));
        Assert.Equal([DecisionOutcome.ReferBack, DecisionOutcome.Approve], decisions.Select(d => d.Outcome));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_decision_or_signature_of_an_unknown_agreement_is_refused_by_the_database(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);

        await using (var session = await fixture.Store.BeginAsync())
        {
            session.Facet<IBusRecords>().Add(BusSample.Decision("bus-1999-2002"));
            await Assert.ThrowsAsync<DbUpdateException>(() => session.CommitAsync(default));
        }

        await using (var session = await fixture.Store.BeginAsync())
        {
            session.Facet<IBusRecords>().Add(BusSample.Signature("bus-1999-2002"));
            await Assert.ThrowsAsync<DbUpdateException>(() => session.CommitAsync(default));
        }
    }
}
