using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Host.Cli;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Cli;

public sealed class SchemaTests
{
    private static readonly string CommittedSchema = Path.Combine(RepositoryRoot.Path, "workflows", "workflow.schema.json");

    [Fact]
    public void The_committed_workflow_schema_is_what_the_activity_registry_generates_now()
    {
        Assert.True(File.Exists(CommittedSchema), $"{CommittedSchema} is missing: run `busflow schema --output workflows/workflow.schema.json`.");

        var committed = File.ReadAllText(CommittedSchema).ReplaceLineEndings("\n");

        Assert.True(committed == SchemaCommand.Render(),
            "workflows/workflow.schema.json is stale: run `dotnet run --project src/BusFlow.Host -- schema --output workflows/workflow.schema.json`.");
    }

    [Fact]
    public async Task Schema_output_writes_the_schema_to_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"busflow-schema-{Guid.NewGuid():N}.json");
        try
        {
            var run = await CliRun.RunAsync(["schema", "--output", file]);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(SchemaCommand.Render(), await File.ReadAllTextAsync(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Each_activity_type_has_a_closed_schema_with_its_required_properties_and_a_type_discriminator()
    {
        var schema = WorkflowSchemaGenerator.Generate(ActivityRegistry.BuiltIn());
        var task = schema["$defs"]!["TaskActivity"]!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        Assert.Equal("Task", task["properties"]!["type"]!["const"]!.GetValue<string>());
        Assert.False(task["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["type", "id", "assignee", "title", "outcomes"], task["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains(schema["$defs"]!["activity"]!["oneOf"]!.AsArray(), n => n!["$ref"]!.GetValue<string>() == "#/$defs/TaskActivity");
    }

    [Fact]
    public void Properties_are_described_by_their_kind_and_data_type()
    {
        var definitions = WorkflowSchemaGenerator.Generate(ActivityRegistry.BuiltIn())["$defs"]!;
        var task = definitions["TaskActivity"]!["properties"]!;
        var sequence = definitions["SequenceActivity"]!["properties"]!;
        var delay = definitions["DelayActivity"]!["properties"]!;

        // An expression: a literal of its type or an expression object.
        Assert.Equal("date", task["due"]!["anyOf"]![0]!["format"]!.GetValue<string>());
        Assert.Equal("#/$defs/expression", task["due"]!["anyOf"]![1]!["$ref"]!.GetValue<string>());
        Assert.Equal("array", task["outcomes"]!["type"]!.GetValue<string>());
        Assert.Equal("string", task["output"]!["type"]!.GetValue<string>());
        Assert.Equal("#/$defs/activity", sequence["activities"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.Matches(delay["duration"]!["anyOf"]![0]!["pattern"]!.GetValue<string>(), "P14D");
        Assert.DoesNotMatch(delay["duration"]!["anyOf"]![0]!["pattern"]!.GetValue<string>(), "two weeks");
        Assert.Equal("#/$defs/activity", definitions["SwitchActivity"]!["properties"]!["cases"]!["additionalProperties"]!["$ref"]!.GetValue<string>());
        Assert.Equal("Waits for an ISO-8601 duration (P1D is one calendar day in the engine's zone, across DST).", definitions["DelayActivity"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void The_expression_definition_offers_references_comparisons_and_logic()
    {
        var operators = WorkflowSchemaGenerator.Generate(ActivityRegistry.BuiltIn())["$defs"]!["expression"]!["oneOf"]!.AsArray();

        var keys = operators.Select(o => o!["required"]![0]!.GetValue<string>());

        Assert.Equal(["ref", "equals", "notEquals", "in", "lessThan", "greaterThan", "and", "or", "not"], keys);
        Assert.Equal("string", operators[0]!["properties"]!["plus"]!["type"]!.GetValue<string>());
    }
}
