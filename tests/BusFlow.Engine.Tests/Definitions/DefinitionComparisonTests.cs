using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Tests.Support;

namespace BusFlow.Engine.Tests.Definitions;

public sealed class DefinitionComparisonTests
{
    private const string Approve = """{ "type": "Task", "id": "approve", "assignee": "ordf@exempelby.test", "title": "Godkänn", "outcomes": ["approve", "reject"], "reminders": { "workingDaysBefore": [7, 2] }, "due": "2027-03-01", "urgent": false }""";
    private const string Wait = """{ "type": "Delay", "id": "wait", "duration": "P14D" }""";
    private const string Note = """{ "type": "SetVariable", "id": "note", "variable": "x", "value": 1 }""";

    private readonly DefinitionLoader _loader = new(ActivityRegistry.BuiltIn());

    [Fact]
    public void Two_equal_versions_have_no_differences()
    {
        var differences = DefinitionComparison.Compare(Load(Seq(Approve, Wait)), Load(Seq(Approve, Wait), version: 2));

        Assert.Empty(differences);
    }

    [Fact]
    public void A_changed_name_and_description_are_listed_with_old_and_new()
    {
        var before = Load(Seq(Wait));
        var after = Load(Seq(Wait), version: 2, name: "Beslut", description: "Ny beskrivning");

        var differences = DefinitionComparison.Compare(before, after);

        Assert.Equal(
            [
                new(DifferenceKind.NameChanged, "", "Test workflow cmp", "Beslut"),
                new(DifferenceKind.DescriptionChanged, "", null, "Ny beskrivning"),
            ],
            differences);
    }

    [Fact]
    public void Inputs_and_variables_added_removed_and_changed_are_named_with_the_changed_property()
    {
        var before = Load(Seq(Note), inputs: """[{ "name": "subject", "type": "string", "required": true }, { "name": "memo", "type": "string" }]""");
        var after = Load(Seq(Note), version: 2,
            inputs: """[{ "name": "subject", "type": "string", "required": false }, { "name": "deadline", "type": "date" }]""",
            variables: """[{ "name": "x", "type": "number", "default": 0 }, { "name": "y", "type": "string" }]""");

        var differences = DefinitionComparison.Compare(before, after);

        Assert.Equal(
            [
                new(DifferenceKind.InputRemoved, "memo", """{"name":"memo","type":"string"}""", null),
                new(DifferenceKind.InputAdded, "deadline", null, """{"name":"deadline","type":"date"}"""),
                new(DifferenceKind.InputChanged, "subject", "true", "false") { Property = "required" },
                new(DifferenceKind.VariableAdded, "y", null, """{"name":"y","type":"string"}"""),
                new(DifferenceKind.VariableChanged, "x", null, "0") { Property = "default" },
            ],
            differences);
    }

    [Fact]
    public void Steps_added_and_removed_are_named_by_id_with_their_type_and_place()
    {
        var differences = DefinitionComparison.Compare(Load(Seq(Approve, Note)), Load(Seq(Wait, Approve), version: 2));

        Assert.Equal(
            [
                new(DifferenceKind.StepRemoved, "note", "main.activities[1]", null) { ActivityType = "SetVariable" },
                new(DifferenceKind.StepAdded, "wait", null, "main.activities[0]") { ActivityType = "Delay" },
            ],
            differences);
    }

    [Fact]
    public void A_step_inserted_before_others_moves_none_of_them_but_a_swap_moves_one()
    {
        var inserted = DefinitionComparison.Compare(Load(Seq(Approve, Note)), Load(Seq(Wait, Approve, Note), version: 2));
        var swapped = DefinitionComparison.Compare(Load(Seq(Approve, Note, Wait)), Load(Seq(Note, Approve, Wait), version: 2));

        Assert.DoesNotContain(inserted, d => d.Kind == DifferenceKind.StepMoved);
        var moved = Assert.Single(swapped);
        Assert.Equal(new DefinitionDifference(DifferenceKind.StepMoved, "approve", "main.activities[0]", "main.activities[1]") { ActivityType = "Task" }, moved);
    }

    [Fact]
    public void A_step_moved_into_another_parent_is_listed_as_moved_with_its_old_and_new_place()
    {
        var before = Load(Seq(Approve, """{ "type": "If", "id": "check", "condition": true, "then": { "type": "Sequence", "id": "yes", "activities": [] } }"""));
        var after = Load(Seq($$"""{ "type": "If", "id": "check", "condition": true, "then": { "type": "Sequence", "id": "yes", "activities": [{{Approve}}] } }"""), version: 2);

        var differences = DefinitionComparison.Compare(before, after);

        Assert.Contains(new DefinitionDifference(DifferenceKind.StepMoved, "approve", "main.activities[0]", "yes.activities[0]") { ActivityType = "Task" }, differences);
        Assert.DoesNotContain(differences, d => d.Kind == DifferenceKind.SettingChanged);
    }

    [Fact]
    public void Changed_settings_of_a_step_are_listed_by_property_path_with_compact_old_and_new_json()
    {
        var changed = Approve.Replace("\"Godkänn\"", "\"Godkänn förslaget\"", StringComparison.Ordinal)
            .Replace("[7, 2]", "[14, 7, 2]", StringComparison.Ordinal)
            .Replace("\"urgent\": false", "\"description\": \"Läs först\"", StringComparison.Ordinal);

        var differences = DefinitionComparison.Compare(Load(Seq(Approve)), Load(Seq(changed), version: 2));

        Assert.Equal(
            [
                new(DifferenceKind.SettingChanged, "approve", "Godkänn", "Godkänn förslaget") { ActivityType = "Task", Property = "title" },
                new(DifferenceKind.SettingChanged, "approve", "[7,2]", "[14,7,2]") { ActivityType = "Task", Property = "reminders.workingDaysBefore" },
                new(DifferenceKind.SettingChanged, "approve", "false", null) { ActivityType = "Task", Property = "urgent" },
                new(DifferenceKind.SettingChanged, "approve", null, "Läs först") { ActivityType = "Task", Property = "description" },
            ],
            differences);
    }

    [Fact]
    public void A_changed_child_is_a_change_of_the_child_and_not_of_its_parents_settings()
    {
        var before = Load(Seq($$"""{ "type": "If", "id": "check", "condition": true, "then": {{Wait}} }"""));
        var after = Load(Seq($$"""{ "type": "If", "id": "check", "condition": false, "then": {{Wait.Replace("P14D", "P7D", StringComparison.Ordinal)}} }"""), version: 2);

        var differences = DefinitionComparison.Compare(before, after);

        Assert.Equal(
            [
                new(DifferenceKind.SettingChanged, "check", "true", "false") { ActivityType = "If", Property = "condition" },
                new(DifferenceKind.SettingChanged, "wait", "P14D", "P7D") { ActivityType = "Delay", Property = "duration" },
            ],
            differences);
    }

    private static string Seq(params string[] activities) =>
        $$"""{ "type": "Sequence", "id": "main", "activities": [ {{string.Join(",", activities)}} ] }""";

    private WorkflowDefinition Load(string root, int version = 1, string? name = null, string? description = null, string inputs = "[]", string variables = """[{ "name": "x", "type": "number" }]""")
    {
        var json = Workflows.Definition("cmp", root, inputs, variables, version);
        if (name is not null || description is not null)
        {
            var document = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(json)!;
            document["name"] = name ?? document["name"]!.GetValue<string>();
            if (description is not null)
            {
                document["description"] = description;
            }

            json = document.ToJsonString();
        }

        var result = _loader.Load(json, "cmp.json");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Definitions[0];
    }
}
