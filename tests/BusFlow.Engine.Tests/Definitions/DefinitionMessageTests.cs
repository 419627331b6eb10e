using System.Globalization;
using System.Resources;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Testing.Wording;

namespace BusFlow.Engine.Tests.Definitions;

public sealed class DefinitionMessageTests
{
    private static readonly ResourceManager Texts = new("BusFlow.Engine.Definitions.Texts.DefinitionTexts", typeof(DefinitionMessage).Assembly);

    [Fact]
    public void Every_validation_message_is_worded_in_Swedish_with_the_same_values_put_in()
    {
        var english = ResourceWording.In(Texts, CultureInfo.InvariantCulture);
        var swedish = ResourceWording.In(Texts, ResourceWording.Swedish);

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), swedish.Keys.Order(StringComparer.Ordinal));
        Assert.All(english, e => Assert.Equal(ResourceWording.Placeholders(e.Value), ResourceWording.Placeholders(swedish[e.Key])));
        Assert.All(swedish, s => Assert.NotEqual(english[s.Key], s.Value));
    }

    [Fact]
    public void An_error_in_a_definition_reads_in_Swedish_for_a_Swedish_reader_and_in_English_on_the_command_line()
    {
        const string Json = """{ "id": "test", "version": 1, "name": "Test", "owner": "x", "root": { "type": "Delay", "id": "wait", "duration": "14 dagar" } }""";

        var errors = new DefinitionLoader(ActivityRegistry.BuiltIn()).Load(Json, "test.json").Errors;

        Assert.Equal(
            ["okänd egenskap 'owner' (tillåtna: $schema, id, version, name, description, inputs, variables, root)", "'14 dagar' är ingen ISO 8601-varaktighet (t.ex. P14D, P9M, PT2H)"],
            errors.Select(e => e.Text.ToString(ResourceWording.Swedish)));
        Assert.Equal(
            ["unknown property 'owner' (allowed: $schema, id, version, name, description, inputs, variables, root)", "'14 dagar' is not an ISO-8601 duration (expected e.g. P14D, P9M, PT2H)"],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void A_value_named_inside_a_message_is_described_in_the_same_language()
    {
        const string Json = """{ "id": "test", "version": 1, "name": "Test", "root": { "type": "Delay", "id": "wait", "duration": 14 } }""";

        var error = Assert.Single(new DefinitionLoader(ActivityRegistry.BuiltIn()).Load(Json, "test.json").Errors);

        Assert.Equal("'talet 14' är ingen ISO 8601-varaktighet (t.ex. P14D, P9M, PT2H)", error.Text.ToString(ResourceWording.Swedish));
        Assert.Equal("'the number 14' is not an ISO-8601 duration (expected e.g. P14D, P9M, PT2H)", error.Message);
    }

    [Fact]
    public void The_same_mistake_loaded_twice_is_the_same_error()
    {
        const string Json = """{ "id": "test", "version": 1, "name": "Test", "root": { "type": "Delay", "id": "wait", "duration": "14 dagar" } }""";
        var loader = new DefinitionLoader(ActivityRegistry.BuiltIn());

        Assert.Equal(loader.Load(Json, "test.json").Errors, loader.Load(Json, "test.json").Errors);
    }
}
