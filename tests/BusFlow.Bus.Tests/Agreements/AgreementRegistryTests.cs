using BusFlow.Bus.Agreements;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Bus.Tests.People;
using NodaTime;

namespace BusFlow.Bus.Tests.Agreements;

/// <summary>Agreements entered and changed in the demo municipality: Socialnämnden, BUN and KUN, the region, and bus-2023-2026.</summary>
public sealed class AgreementRegistryTests : IAsyncLifetime
{
    private const string Region = DemoMunicipality.RegionId;

    private readonly DemoDirectory _directory = new();

    private AgreementRegistry Registry => new(_directory.Store);

    public Task InitializeAsync() => _directory.InitializeAsync();

    public Task DisposeAsync() => _directory.DisposeAsync();

    private static AgreementPartyDraft Decides(string board) => new(board, null, null, PartyInvolvement.Decides);

    private static AgreementDraft Draft(params AgreementPartyDraft[] parties) => new(
        "BUS 2027–2030", DemoMunicipality.OrganizationId, new LocalDate(2027, 1, 1), new LocalDate(2030, 12, 31), null, DemoMunicipality.ManagementGroupId,
        AgreementCycleShape.SpringAndAutumn, parties, ["sn", "bun", "ks"], DemoMunicipality.AgreementId);

    [Fact]
    public async Task A_new_agreement_gets_a_readable_id_is_a_draft_and_lists_its_parties_in_order()
    {
        var saved = await Registry.CreateAsync(Draft(Decides("sn"), new AgreementPartyDraft(null, Region, "tove.engstrom", PartyInvolvement.Consulted), Decides("bun")), default);

        var agreement = Assert.IsType<Agreement>(saved.Agreement);
        Assert.Equal("exempelby-bus-2027-2030", agreement.Id);
        var stored = await _directory.ReadAsync(r => r.FindAgreementAsync(agreement.Id, default));
        Assert.Equal((AgreementStatus.Draft, "BUS 2027–2030", DemoMunicipality.AgreementId), (stored!.Status, stored.Title, stored.PredecessorId));
        Assert.Equal(["sn", "bun"], stored.PartyBoardIds);
        Assert.Equal(["sn", "bun", "ks"], stored.Recipients);
        var parties = await _directory.ReadAsync(r => r.ListPartiesAsync(agreement.Id, default));
        Assert.Equal(
            [("sn", null, null, 0), (null, Region, "tove.engstrom", 1), ("bun", null, null, 2)],
            parties.OrderBy(p => p.Position).Select(p => (p.BoardId, p.OrganizationId, p.RepresentativeId, p.Position)));
    }

    [Fact]
    public async Task A_second_agreement_for_the_same_period_gets_a_numbered_id()
    {
        await Registry.CreateAsync(Draft(Decides("sn")), default);
        var second = await Registry.CreateAsync(Draft(Decides("kun")), default);

        Assert.Equal("exempelby-bus-2027-2030-2", second.Agreement!.Id);
    }

    [Fact]
    public async Task A_change_of_parties_moves_the_rows_and_the_deciding_boards_together()
    {
        var id = (await Registry.CreateAsync(Draft(Decides("sn"), Decides("bun")), default)).Agreement!.Id;

        var changed = await Registry.UpdateAsync(id, Draft(Decides("kun"), new AgreementPartyDraft("sn", null, "oskar.lind", PartyInvolvement.Consulted)) with { Status = AgreementStatus.Active }, default);

        Assert.Equal(AgreementStatus.Active, changed.Agreement!.Status);
        var stored = await _directory.ReadAsync(r => r.FindAgreementAsync(id, default));
        Assert.Equal(["kun"], stored!.PartyBoardIds);
        var parties = await _directory.ReadAsync(r => r.ListPartiesAsync(id, default));
        Assert.Equal(
            [("kun", PartyInvolvement.Decides, 0), ("sn", PartyInvolvement.Consulted, 1)],
            parties.OrderBy(p => p.Position).Select(p => (p.BoardId, p.Involvement, p.Position)));
    }

    [Fact]
    public async Task A_change_keeps_the_status_the_decision_round_set_and_refuses_to_set_one_of_its_statuses()
    {
        var kept = await Registry.UpdateAsync(DemoMunicipality.AgreementId, Draft(Decides("sn")) with { PredecessorId = null }, default);
        var signed = await Registry.UpdateAsync(DemoMunicipality.AgreementId, Draft(Decides("sn")) with { PredecessorId = null, Status = AgreementStatus.Signed }, default);
        var created = await Registry.CreateAsync(Draft(Decides("sn")) with { Status = AgreementStatus.InDecision }, default);

        Assert.Equal(AgreementStatus.Active, kept.Agreement!.Status);
        Assert.Equal(("status", AgreementProblem.StatusNotSettable), (Assert.Single(signed.Errors).Field, signed.Errors[0].Problem));
        Assert.Equal(("status", AgreementProblem.StatusNotSettable), (Assert.Single(created.Errors).Field, created.Errors[0].Problem));
    }

    [Fact]
    public async Task Every_wrong_field_is_named_at_once_and_nothing_is_saved()
    {
        var draft = new AgreementDraft(
            " ", "no-organization", new LocalDate(2027, 1, 1), new LocalDate(2026, 12, 31), null, "no-body", null,
            [
                new AgreementPartyDraft(null, null, null, PartyInvolvement.Decides),
                new AgreementPartyDraft("sn", Region, null, PartyInvolvement.Decides),
                new AgreementPartyDraft("no-board", null, "nobody", null),
                Decides("bun"),
                Decides("bun"),
                new AgreementPartyDraft(null, "no-organization", null, PartyInvolvement.Consulted),
            ],
            ["sn", "styrgrupp", "sn"], "no-agreement");

        var saved = await Registry.CreateAsync(draft, default);

        Assert.Equal(
            [
                ("title", AgreementProblem.Required), ("organizationId", AgreementProblem.NoOrganization), ("validUntil", AgreementProblem.EndsBeforeStart),
                ("bodyId", AgreementProblem.NoBody), ("cycle", AgreementProblem.Required),
                ("parties[0].boardId", AgreementProblem.BoardOrOrganization), ("parties[1].boardId", AgreementProblem.BoardOrOrganization),
                ("parties[2].boardId", AgreementProblem.NoBoard), ("parties[2].representativeId", AgreementProblem.NoPerson), ("parties[2].involvement", AgreementProblem.Required),
                ("parties[4].boardId", AgreementProblem.PartyTwice), ("parties[5].organizationId", AgreementProblem.NoOrganization),
                ("recipients[1]", AgreementProblem.NotARecipient), ("recipients[2]", AgreementProblem.RecipientTwice),
                ("predecessorId", AgreementProblem.NoAgreement),
            ],
            saved.Errors.Select(e => (e.Field, e.Problem)));
        Assert.Single(await _directory.ReadAsync(r => r.ListAgreementsAsync(default)));
    }

    [Fact]
    public async Task An_agreement_in_force_without_the_body_that_meets_in_its_yearly_meetings_is_refused_and_a_draft_may_wait_for_one()
    {
        var active = await Registry.CreateAsync(Draft(Decides("sn")) with { Status = AgreementStatus.Active, BodyId = null }, default);
        var draft = await Registry.CreateAsync(Draft(Decides("sn")) with { BodyId = null }, default);
        var activated = await Registry.UpdateAsync(draft.Agreement!.Id, Draft(Decides("sn")) with { Status = AgreementStatus.Active, BodyId = " " }, default);

        Assert.Equal(("bodyId", AgreementProblem.BodyNeeded), (Assert.Single(active.Errors).Field, active.Errors[0].Problem));
        Assert.Equal(("bodyId", AgreementProblem.BodyNeeded), (Assert.Single(activated.Errors).Field, activated.Errors[0].Problem));
        Assert.Equal(AgreementStatus.Draft, (await _directory.ReadAsync(r => r.FindAgreementAsync(draft.Agreement.Id, default)))!.Status);
    }

    [Fact]
    public async Task An_agreement_without_parties_or_a_too_long_title_is_refused_and_left_as_it_was()
    {
        var saved = await Registry.UpdateAsync(DemoMunicipality.AgreementId, Draft() with { Title = new string('x', AgreementRules.TitleMaxLength + 1), PredecessorId = DemoMunicipality.AgreementId }, default);

        Assert.Equal(
            [("title", AgreementProblem.TooLong), ("parties", AgreementProblem.NoParties), ("predecessorId", AgreementProblem.OwnPredecessor)],
            saved.Errors.Select(e => (e.Field, e.Problem)));
        var stored = await _directory.ReadAsync(r => r.FindAgreementAsync(DemoMunicipality.AgreementId, default));
        Assert.Equal((DemoMunicipality.AgreementTitle, 3), (stored!.Title, stored.PartyBoardIds.Count));
        Assert.Equal(3, (await _directory.ReadAsync(r => r.ListPartiesAsync(DemoMunicipality.AgreementId, default))).Count);
    }

    [Fact]
    public async Task An_unknown_agreement_is_not_found()
    {
        Assert.False((await Registry.UpdateAsync("no-agreement", Draft(Decides("sn")), default)).Found);
        Assert.False((await Registry.AddRevisionAsync("no-agreement", new LocalDate(2027, 1, 1), "Ny bilaga", default)).Found);
    }

    [Fact]
    public async Task A_revision_is_kept_with_its_date_and_note_and_needs_both()
    {
        var added = await Registry.AddRevisionAsync(DemoMunicipality.AgreementId, new LocalDate(2026, 11, 20), "  Bilaga 2 om elevhälsan tillagd.  ", default);
        var empty = await Registry.AddRevisionAsync(DemoMunicipality.AgreementId, null, " ", default);
        var tooLong = await Registry.AddRevisionAsync(DemoMunicipality.AgreementId, new LocalDate(2026, 11, 20), new string('x', AgreementRules.NoteMaxLength + 1), default);

        Assert.NotNull(added.Revision);
        Assert.Equal([("date", AgreementProblem.Required), ("note", AgreementProblem.Required)], empty.Errors.Select(e => (e.Field, e.Problem)));
        Assert.Equal(("note", AgreementProblem.TooLong), (Assert.Single(tooLong.Errors).Field, tooLong.Errors[0].Problem));
        var revisions = await _directory.ReadAsync(r => r.ListRevisionsAsync(DemoMunicipality.AgreementId, default));
        Assert.Equal(2, revisions.Count);
        Assert.Contains(revisions, r => r.Date == new LocalDate(2026, 11, 20) && r.Note == "Bilaga 2 om elevhälsan tillagd.");
    }
}
