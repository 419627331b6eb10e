using System.Globalization;
using System.Text.Json.Nodes;
using BusFlow.Bus.Setup;
using BusFlow.Testing;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BusFlow.Bus.Tests.Setup;

/// <summary>The published schema (schemas/setup.schema.json) accepts what busflow import reads, so that an editor's completion and checks agree with it.</summary>
public sealed class SetupSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schemas", "setup.schema.json")));

    public static TheoryData<string> Examples => SetupExamples.All;

    public static TheoryData<string> Files => SetupExamples.AllWithTheDemo;

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_example_validates_against_the_schema_and_names_it_for_editors(string example)
    {
        var text = SetupExamples.Read(example);

        Assert.StartsWith("# yaml-language-server: $schema=../schemas/setup.schema.json\n", text, StringComparison.Ordinal);
        AssertValid(text);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_export_of_every_example_validates_against_the_schema_in_YAML_and_in_JSON(string example)
    {
        await using var store = await SetupStore.CreateAsync();
        await store.ImportAsync(SetupExamples.Shown(example), SetupExamples.Read(example));
        var exported = await store.ExportAsync();

        AssertValid(SetupWriter.ToYaml(exported));
        AssertValid(SetupWriter.ToJson(exported));
    }

    [Fact]
    public void The_schema_rejects_an_unknown_field_and_an_agreement_without_parties()
    {
        Assert.False(Evaluate("boards:\n  - { id: a, organization: o, code: A, name: A, colour: red }\n").IsValid);
        Assert.False(Evaluate("agreements:\n  - { id: a, title: A, validFrom: 2027-01-01, validUntil: 2030-12-31, parties: [] }\n").IsValid);
    }

    private static void AssertValid(string text)
    {
        var result = Evaluate(text);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Schema.Evaluate(ToJson(stream.Documents[0].RootNode), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>YAML as a JSON editor sees it (YAML 1.2's core schema): plain numbers and booleans are typed, everything else is text.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ToJson(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } flag => JsonValue.Create(flag.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "null" or "~" } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new ArgumentException($"Unexpected YAML node {node.NodeType}"),
    };
}
