using BusFlow.Bus.Bodies;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Bus.Tests.People;
using BusFlow.Engine.Time;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Bus.Tests.Bodies;

/// <summary>Bodies entered and changed in the demo municipality (boards sn, bun, kun, ks; the presidium meeting rotates among them).</summary>
public sealed class BodyRegistryTests : IAsyncLifetime
{
    private readonly DemoDirectory _directory = new();

    private BodyRegistry Registry => new(_directory.Store);

    public Task InitializeAsync() => _directory.InitializeAsync();

    public Task DisposeAsync() => _directory.DisposeAsync();

    private static BodyDraft Draft(string? name = "Presidiemöte BUS", IReadOnlyList<IReadOnlyList<string?>>? order = null, int? startYear = 2027) =>
        new(name, BodyKind.PresidiumMeeting, DemoMunicipality.OrganizationId, DemoMunicipality.AgreementId, order ?? [["sn"], ["bun", "kun"], ["ks"]], startYear);

    [Fact]
    public async Task A_new_body_gets_a_readable_id_from_its_organization_and_name_and_its_rotation_names_the_conveners()
    {
        var saved = await Registry.CreateAsync(Draft(), default);
        var again = await Registry.CreateAsync(Draft(), default);

        Assert.Equal("exempelby-presidiemote-bus", saved.Body!.Id);
        Assert.Equal("exempelby-presidiemote-bus-2", again.Body!.Id);
        var view = await Directory().FindAsync(saved.Body.Id, new LocalDate(2027, 1, 1), default);
        Assert.Equal([["sn"], ["bun", "kun"], ["ks"], ["sn"]], view!.Conveners.Select(t => t.BoardIds));
        Assert.Equal(DemoMunicipality.AgreementId, view.Body.AgreementId);
    }

    [Fact]
    public async Task Every_wrong_field_is_named_at_once_and_nothing_is_saved()
    {
        var saved = await Registry.CreateAsync(new BodyDraft(" ", null, "nowhere", "no-agreement", [["sn"], ["no-board", "sn"], []], 1899), default);
        var tooLong = await Registry.CreateAsync(Draft(name: new string('x', BodyRules.NameMaxLength + 1)), default);

        Assert.Equal(
            [
                ("name", BodyProblem.Required), ("kind", BodyProblem.Required), ("organizationId", BodyProblem.NoOrganization), ("agreementId", BodyProblem.NoAgreement),
                ("rotationOrder[1][0]", BodyProblem.NoBoard), ("rotationOrder[1][1]", BodyProblem.BoardTwice), ("rotationOrder[2]", BodyProblem.Required),
                ("rotationStartYear", BodyProblem.YearOutOfRange),
            ],
            saved.Errors.Select(e => (e.Field, e.Problem)));
        Assert.Equal(("name", BodyProblem.TooLong), (Assert.Single(tooLong.Errors).Field, tooLong.Errors[0].Problem));
        Assert.Equal(4, (await Directory().ListAsync(default)).Count);
    }

    [Fact]
    public async Task A_start_year_needs_an_order_and_an_order_a_start_year()
    {
        var yearOnly = await Registry.CreateAsync(Draft(order: [], startYear: 2027), default);
        var orderOnly = await Registry.CreateAsync(Draft(startYear: null), default);
        var neither = await Registry.CreateAsync(Draft(order: [], startYear: null), default);

        Assert.Equal(("rotationOrder", BodyProblem.NoOrder), (Assert.Single(yearOnly.Errors).Field, yearOnly.Errors[0].Problem));
        Assert.Equal(("rotationStartYear", BodyProblem.NoStartYear), (Assert.Single(orderOnly.Errors).Field, orderOnly.Errors[0].Problem));
        Assert.Empty((await Directory().FindAsync(neither.Body!.Id, null, default))!.Conveners);
    }

    [Fact]
    public async Task A_changed_rotation_shows_in_the_preview_at_once()
    {
        var saved = await Registry.UpdateAsync(DemoMunicipality.PresidiumId, Draft(name: "Presidiet", order: [["ks"], ["sn"]], startYear: 2030), default);
        var view = await Directory().FindAsync(DemoMunicipality.PresidiumId, new LocalDate(2030, 1, 1), default);

        Assert.NotNull(saved.Body);
        Assert.Equal("Presidiet", view!.Body.Name);
        Assert.Equal([(2030, "ks"), (2031, "sn"), (2032, "ks"), (2033, "sn")], view.Conveners.Select(t => (t.Year, Assert.Single(t.BoardIds))));
        Assert.NotEmpty(view.Members);
    }

    [Fact]
    public async Task A_refused_change_leaves_the_body_as_it_was_and_an_unknown_body_is_not_found()
    {
        var before = await _directory.ReadAsync(r => r.FindBodyAsync(DemoMunicipality.PresidiumId, default));
        var refused = await Registry.UpdateAsync(DemoMunicipality.PresidiumId, Draft(name: "Presidiet", order: [["ks"], ["ks"]]), default);
        var missing = await Registry.UpdateAsync("no-body", Draft(), default);

        Assert.Equal(("rotationOrder[1][0]", BodyProblem.BoardTwice), (Assert.Single(refused.Errors).Field, refused.Errors[0].Problem));
        var after = await _directory.ReadAsync(r => r.FindBodyAsync(DemoMunicipality.PresidiumId, default));
        Assert.Equal((before!.Name, before.RotationStartYear), (after!.Name, after.RotationStartYear));
        Assert.Equal(before.RotationOrder, after.RotationOrder);
        Assert.False(missing.Found);
    }

    private BodyDirectory Directory() =>
        new(_directory.Store, new FakeClock(DemoDirectory.Now), new EngineOptions { TimeZone = DateTimeZoneProviders.Tzdb["Europe/Stockholm"] });
}
