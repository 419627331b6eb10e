using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Storage.Tests.Bus;

public sealed class BusRoundTripTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_bus_entity_reads_back_as_written_with_all_fields_set(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var organization = new Organization { Id = "kommunalforbundet", Name = "Kommunalförbundet Prov", Kind = OrganizationKind.Federation };
        var board = new Board
        {
            Id = "bun",
            OrganizationId = organization.Id,
            Code = "BUN",
            Name = "Barn- och ungdomsnämnden",
            NoticeDays = 4,
            NoticeInWorkingDays = true,
        };
        var meeting = new BoardMeeting { Id = Guid.NewGuid(), BoardId = board.Id, Date = new LocalDate(2026, 3, 18), StartsAt = new LocalTime(8, 30) };
        var person = new Person { Id = "asa.ostlund", Name = "Åsa Östlund", Email = "asa.ostlund@example.org" };
        var role = BusSample.Role(person.Id, RoleKind.CoOptedMember, board.Id, "arbetsgrupp", new LocalDate(2023, 1, 1), new LocalDate(2026, 12, 31));
        var body = new CollaborationBody
        {
            Id = "presidiemote",
            Name = "Presidiemöte BUS",
            Kind = BodyKind.PresidiumMeeting,
            AgreementId = "bus-2023-2026",
            RotationOrder = [["ksn"], ["bsn", "utn"], ["sn"]],
            RotationStartYear = 2020,
        };
        var agreement = BusSample.Agreement();
        agreement.Status = AgreementStatus.Superseded;
        agreement.PredecessorId = "bus-2019-2022";
        var revision = new AgreementRevision { Id = Guid.NewGuid(), AgreementId = agreement.Id, Date = new LocalDate(2024, 2, 14), Note = "Reviderad: \"Elev-BUS\" tillagd." };
        var decision = BusSample.Decision(agreement.Id, board.Id);
        decision.Outcome = DecisionOutcome.ReferBack;
        decision.Paragraph = "§ 112";
        decision.RegistrationNumber = "2026.014 BUN";
        decision.InstanceId = Guid.NewGuid();
        decision.RecordedAt = Sample.T0.Plus(Duration.FromNanoseconds(1_000));
        var signature = BusSample.Signature(agreement.Id, board.Id);
        signature.PersonId = person.Id;
        signature.Proof = "one-time-code";

        await fixture.WriteBusAsync(r =>
        {
            r.Add(organization);
            r.Add(board);
            r.Add(meeting);
            r.Add(person);
            r.Add(role);
            r.Add(body);
            r.Add(agreement);
            r.Add(revision);
            r.Add(decision);
            r.Add(signature);
        });

        await using var session = await fixture.Store.BeginAsync();
        var records = session.Facet<IBusRecords>();
        BusFixture.AssertSameRecord(organization, await records.FindOrganizationAsync(organization.Id, default));
        BusFixture.AssertSameRecord(board, await records.FindBoardAsync(board.Id, default));
        BusFixture.AssertSameRecord(meeting, Assert.Single(await records.ListMeetingsAsync(board.Id, meeting.Date, meeting.Date, default)));
        BusFixture.AssertSameRecord(person, await records.FindPersonAsync(person.Id, default));
        var (holder, assignment) = Assert.Single(await records.ListRoleHoldersAsync("arbetsgrupp", new LocalDate(2024, 1, 1), default));
        BusFixture.AssertSameRecord(person, holder);
        BusFixture.AssertSameRecord(role, assignment);
        BusFixture.AssertSameRecord(body, await records.FindBodyAsync(body.Id, default));
        BusFixture.AssertSameRecord(agreement, await records.FindAgreementAsync(agreement.Id, default));
        BusFixture.AssertSameRecord(revision, Assert.Single(await records.ListRevisionsAsync(agreement.Id, default)));
        BusFixture.AssertSameRecord(decision, Assert.Single(await records.ListDecisionsAsync(agreement.Id, default)));
        BusFixture.AssertSameRecord(signature, Assert.Single(await records.ListSignaturesAsync(agreement.Id, default)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Optional_fields_read_back_as_null_or_empty(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var body = new CollaborationBody { Id = "styrgrupp", Name = "BUS styrgrupp", Kind = BodyKind.SteeringGroup };
        var role = BusSample.Role("p1", RoleKind.Member, null, body.Id, new LocalDate(2023, 1, 1), null);
        var agreement = BusSample.Agreement();
        agreement.Recipients = [];
        var decision = BusSample.Decision(agreementId: null);

        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Person("p1"));
            r.Add(role);
            r.Add(body);
            r.Add(agreement);
            r.Add(decision);
        });

        await using var session = await fixture.Store.BeginAsync();
        var records = session.Facet<IBusRecords>();
        BusFixture.AssertSameRecord(body, await records.FindBodyAsync(body.Id, default));
        BusFixture.AssertSameRecord(role, Assert.Single(await records.ListRoleHoldersAsync(body.Id, new LocalDate(2040, 1, 1), default)).Role);
        BusFixture.AssertSameRecord(agreement, await records.FindAgreementAsync(agreement.Id, default));
        var context = StoreFixture.ContextOf(session);
        var saved = Assert.Single(context.PartyDecisions);
        BusFixture.AssertSameRecord(decision, saved);
        Assert.Empty(await records.ListDecisionsAsync(agreement.Id, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Enums_are_stored_by_name_and_lists_as_json(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Person("p1"));
            r.Add(BusSample.Role("p1", RoleKind.HeadOfAdministration, "sn", null, new LocalDate(2023, 1, 1), null));
            r.Add(BusSample.Agreement());
            r.Add(new CollaborationBody { Id = "presidiemote", Name = "Presidiemöte", Kind = BodyKind.PresidiumMeeting, RotationOrder = [["sn"], ["bun", "kun"]] });
        });

        Assert.Equal("HeadOfAdministration", await fixture.Database.ScalarAsync("SELECT role FROM role_assignments"));
        Assert.Equal("Active", await fixture.Database.ScalarAsync("SELECT status FROM agreements"));
        Assert.Equal("""["sn","bun","kun"]""", await fixture.Database.ScalarAsync("SELECT party_board_ids FROM agreements"));
        Assert.Equal("""["sn","bun","kun","ks"]""", await fixture.Database.ScalarAsync("SELECT recipients FROM agreements"));
        Assert.Equal("""[["sn"],["bun","kun"]]""", await fixture.Database.ScalarAsync("SELECT rotation_order FROM collaboration_bodies"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Changing_an_agreement_in_place_saves_it_and_advances_its_version(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.WriteBusAsync(r =>
        {
            r.Add(BusSample.Agreement());
            r.Add(new CollaborationBody { Id = "presidiemote", Name = "Presidiemöte", Kind = BodyKind.PresidiumMeeting, RotationOrder = [["sn"], ["bun"]] });
        });

        await using (var session = await fixture.Store.BeginAsync())
        {
            var records = session.Facet<IBusRecords>();
            var agreement = (await records.FindAgreementAsync("bus-2023-2026", default))!;
            agreement.Status = AgreementStatus.Superseded;
            // Changed in place, not replaced: the comparers must still notice.
            agreement.Recipients.Add("regionen");
            (await records.FindBodyAsync("presidiemote", default))!.RotationOrder[1].Add("kun");
            await session.CommitAsync(default);
        }

        var saved = (await fixture.ReadBusAsync(r => r.FindAgreementAsync("bus-2023-2026", default)))!;
        Assert.Equal(AgreementStatus.Superseded, saved.Status);
        Assert.Equal(["sn", "bun", "kun", "ks", "regionen"], saved.Recipients);
        Assert.Equal(1, saved.Version);
        var body = (await fixture.ReadBusAsync(r => r.FindBodyAsync("presidiemote", default)))!;
        Assert.Equal([["sn"], ["bun", "kun"]], body.RotationOrder);
    }

    [Fact]
    public async Task Postgres_second_commit_of_an_agreement_changed_meanwhile_conflicts_and_writes_nothing()
    {
        await using var fixture = await StoreFixture.CreateAsync(StorageOptions.Postgres);
        await fixture.WriteBusAsync(r => r.Add(BusSample.Agreement()));

        await using var first = await fixture.Store.BeginAsync();
        await using var second = await fixture.Store.BeginAsync();
        var firstCopy = (await first.Facet<IBusRecords>().FindAgreementAsync("bus-2023-2026", default))!;
        var secondCopy = (await second.Facet<IBusRecords>().FindAgreementAsync("bus-2023-2026", default))!;
        firstCopy.Status = AgreementStatus.Superseded;
        secondCopy.Status = AgreementStatus.Expired;

        await first.CommitAsync(default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.CommitAsync(default));

        var saved = (await fixture.ReadBusAsync(r => r.FindAgreementAsync("bus-2023-2026", default)))!;
        Assert.Equal(AgreementStatus.Superseded, saved.Status);
        Assert.Equal(1, saved.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_task_keeps_the_data_given_with_its_answer(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var task = Sample.Task(instance, status: HumanTaskStatus.Completed);
        task.AnswerDataJson = """{"decisionDate":"2026-03-10","paragraph":"§ 12","registrationNumber":"2026.014 SN"}""";
        await fixture.WriteAsync(s => s.Add(task));

        var saved = await fixture.ReadAsync(s => s.FindTaskAsync(task.Id, default));
        Assert.Equal(task.AnswerDataJson, saved!.AnswerDataJson);
        Assert.Equal(task.AnswerDataJson, await fixture.Database.ScalarAsync("SELECT answer_data_json FROM tasks"));
    }
}
