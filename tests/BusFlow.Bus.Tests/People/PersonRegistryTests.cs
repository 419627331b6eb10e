using BusFlow.Bus.People;

namespace BusFlow.Bus.Tests.People;

public sealed class PersonRegistryTests : IAsyncLifetime
{
    private readonly DemoDirectory _directory = new();

    private PersonRegistry Registry => new(_directory.Store, _directory.Runtime);

    public Task InitializeAsync() => _directory.InitializeAsync();

    public Task DisposeAsync() => _directory.DisposeAsync();

    [Fact]
    public async Task A_new_person_gets_an_id_from_her_name_and_is_written_to_in_the_language_given()
    {
        var saved = await Registry.CreateAsync(new PersonDraft(" Åsa Öberg ", " asa.oberg@exempelby.test ", "en"), default);

        var person = await _directory.ReadAsync(r => r.FindPersonAsync(saved.Person!.Id, default));
        Assert.Equal(("asa-oberg", "Åsa Öberg", "asa.oberg@exempelby.test", "en"), (person!.Id, person.Name, person.Email, person.Language));
    }

    [Fact]
    public async Task A_person_without_a_language_is_written_to_in_swedish_and_a_namesake_gets_an_id_of_her_own()
    {
        var first = await Registry.CreateAsync(new PersonDraft("Kim Berg", "kim.berg@exempelby.test", null), default);
        var second = await Registry.CreateAsync(new PersonDraft("Kim Berg", "kim.berg2@exempelby.test", ""), default);

        Assert.Equal(("kim-berg", "sv"), (first.Person!.Id, first.Person.Language));
        Assert.Equal("kim-berg-2", second.Person!.Id);
    }

    [Fact]
    public async Task Every_wrong_field_is_named_at_once_and_nothing_is_saved()
    {
        var before = await _directory.ReadAsync(r => r.ListPeopleAsync(default));

        var saved = await Registry.CreateAsync(new PersonDraft(" ", "inte en adress", "de"), default);

        Assert.Null(saved.Person);
        Assert.Equal(
            [new PersonFieldError("name", PersonProblem.Required), new PersonFieldError("email", PersonProblem.BadEmail), new PersonFieldError("language", PersonProblem.BadLanguage)],
            saved.Errors);
        Assert.Equal(before.Count, (await _directory.ReadAsync(r => r.ListPeopleAsync(default))).Count);
    }

    [Fact]
    public async Task An_address_someone_else_has_is_taken_whatever_its_case_and_an_empty_one_is_required()
    {
        var taken = await Registry.CreateAsync(new PersonDraft("Anna L", "ANNA.LINDQVIST@exempelby.test", "sv"), default);
        var empty = await Registry.CreateAsync(new PersonDraft("Anna L", null, "sv"), default);

        Assert.Equal([new PersonFieldError("email", PersonProblem.EmailTaken)], taken.Errors);
        Assert.Equal([new PersonFieldError("email", PersonProblem.Required)], empty.Errors);
    }

    [Fact]
    public async Task A_new_address_is_saved_and_the_result_says_which_one_it_replaced()
    {
        var changed = await Registry.UpdateAsync("anna.lindqvist", new PersonDraft("Anna Lindqvist", "anna.lindqvist@ny.exempelby.test", "en"), "admin@exempelby.test", default);
        var sameAgain = await Registry.UpdateAsync("anna.lindqvist", new PersonDraft("Anna Lindqvist", "Anna.Lindqvist@ny.exempelby.test", "en"), "admin@exempelby.test", default);

        Assert.Equal("anna.lindqvist@exempelby.test", changed.PreviousEmail);
        Assert.Null(sameAgain.PreviousEmail);
        var person = await _directory.ReadAsync(r => r.FindPersonAsync("anna.lindqvist", default));
        Assert.Equal(("Anna.Lindqvist@ny.exempelby.test", "en"), (person!.Email, person.Language));
    }

    [Fact]
    public async Task Changing_a_person_who_is_not_there_finds_nothing_and_a_bad_change_keeps_the_old_particulars()
    {
        var missing = await Registry.UpdateAsync("nobody", new PersonDraft("X", "x@exempelby.test", "sv"), "admin@exempelby.test", default);
        var bad = await Registry.UpdateAsync("anna.lindqvist", new PersonDraft("Anna", "erik.sandberg@exempelby.test", "sv"), "admin@exempelby.test", default);

        Assert.False(missing.Found);
        Assert.Equal([new PersonFieldError("email", PersonProblem.EmailTaken)], bad.Errors);
        var person = await _directory.ReadAsync(r => r.FindPersonAsync("anna.lindqvist", default));
        Assert.Equal(("Anna Lindqvist", "anna.lindqvist@exempelby.test"), (person!.Name, person.Email));
    }
}
