using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Tests.Support;

namespace BusFlow.Engine.Tests.Definitions;

public sealed class DefinitionLoaderTests
{
    private readonly DefinitionLoader _loader = new(ActivityRegistry.BuiltIn());

    private IReadOnlyList<DefinitionError> Errors(string json) => _loader.Load(json, "workflows/broken.json").Errors;

    private static string Seq(params string[] activities) =>
        $$"""{ "type": "Sequence", "id": "main", "activities": [ {{string.Join(",", activities)}} ] }""";

    [Fact]
    public void A_valid_definition_loads_with_its_activities_indexed_by_id()
    {
        var result = _loader.Load(Workflows.Definition("ok", Seq(
            """{ "type": "SetVariable", "id": "set", "variable": "x", "value": 1 }""",
            """{ "type": "Delay", "id": "wait", "duration": "P14D" }"""), variables: """[{ "name": "x", "type": "number" }]"""), "ok.json");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var definition = Assert.Single(result.Definitions);
        Assert.Equal(["main", "set", "wait"], definition.Activities.Keys.Order());
        Assert.Equal("Delay", definition.GetActivity("wait").Type);
    }

    [Fact]
    public void An_unknown_activity_type_is_reported_with_its_path_and_the_known_types()
    {
        var error = Assert.Single(Errors(Workflows.Definition("x", Seq("""{ "type": "Sleep", "id": "nap" }"""))));

        Assert.Equal("workflows/broken.json", error.File);
        Assert.Equal("$.root.activities[0].type", error.JsonPath);
        Assert.Contains("unknown activity type 'Sleep'", error.Message);
        Assert.Contains("Delay", error.Message);
    }

    [Fact]
    public void Mistakes_in_a_tasks_reminder_policy_are_reported_with_their_paths()
    {
        var errors = Errors(Workflows.Definition("x", Seq("""
            { "type": "Task", "id": "sign", "assignee": "ordf@exempelby.test", "title": "Underteckna", "outcomes": ["sign"],
              "reminders": { "workingDaysBefore": [7, -2], "maxAfter": "two", "window": { "start": "17:00", "end": "08:00" }, "every": 3 } }
            """)));

        Assert.Equal(
            [
                "$.root.activities[0].reminders",
                "$.root.activities[0].reminders.every",
                "$.root.activities[0].reminders.maxAfter",
                "$.root.activities[0].reminders.window",
                "$.root.activities[0].reminders.workingDaysBefore[1]",
            ],
            errors.Select(e => e.JsonPath).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("give the task a \"due\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_limit_that_cannot_be_read_or_is_put_on_a_text_field_is_reported()
    {
        var errors = Errors(Workflows.Definition("x", Seq("""
            { "type": "Task", "id": "decide", "assignee": "sekr@exempelby.test", "title": "Registrera beslut", "outcomes": ["approve"],
              "form": [
                { "name": "decisionDate", "type": "date", "notAfter": "today", "notBefore": "yesterday" },
                { "name": "paragraph", "type": "text", "notAfter": "today" },
                { "name": "signedOn", "type": "date", "notBefore": { "date": "data.meetingDate", "message": { "sv": "Före {bound}", "en": "Before {bound}" } } }
              ] }
            """)));

        Assert.Equal(["$.root.activities[0].form[0].notBefore", "$.root.activities[0].form[1].notAfter"], errors.Select(e => e.JsonPath).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'yesterday' is not a limit", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'notAfter' limits a date", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_property_is_reported()
    {
        var error = Assert.Single(Errors(Workflows.Definition("x", Seq("""{ "type": "Delay", "id": "wait" }"""))));

        Assert.Equal("$.root.activities[0].duration", error.JsonPath);
        Assert.Contains("'duration' is required for a Delay", error.Message);
    }

    [Fact]
    public void A_duration_that_does_not_parse_is_reported()
    {
        var error = Assert.Single(Errors(Workflows.Definition("x", Seq("""{ "type": "Delay", "id": "wait", "duration": "14 days" }"""))));

        Assert.Equal("$.root.activities[0].duration", error.JsonPath);
        Assert.Contains("not an ISO-8601 duration", error.Message);
    }

    [Fact]
    public void A_date_that_does_not_parse_is_reported()
    {
        var error = Assert.Single(Errors(Workflows.Definition("x", Seq("""{ "type": "WaitUntil", "id": "w", "date": "2026-02-30" }"""))));

        Assert.Equal("$.root.activities[0].date", error.JsonPath);
        Assert.Contains("is not a date", error.Message);
    }

    [Fact]
    public void References_to_undeclared_inputs_variables_and_activities_are_reported()
    {
        var errors = Errors(Workflows.Definition("x", Seq(
            """{ "type": "WaitUntil", "id": "w", "date": { "ref": "input.deadline" } }""",
            """{ "type": "SetVariable", "id": "s", "variable": "y", "value": { "ref": "var.missing" } }""",
            """{ "type": "Fail", "id": "f", "message": "Answer was {{ output.nowhere.outcome }}" }""")));

        Assert.Collection(errors,
            e => Assert.Equal(("$.root.activities[0].date.ref", "'input.deadline' refers to an input 'deadline' that the definition does not declare"), (e.JsonPath, e.Message)),
            e => Assert.Equal(("$.root.activities[1].variable", "'y' is not a declared variable"), (e.JsonPath, e.Message)),
            e => Assert.Equal(("$.root.activities[1].value.ref", "'var.missing' refers to a variable 'missing' that is not declared here"), (e.JsonPath, e.Message)),
            e => Assert.Equal(("$.root.activities[2].message", "'output.nowhere.outcome' refers to an activity 'nowhere' that the definition does not have"), (e.JsonPath, e.Message)));
    }

    [Fact]
    public void Duplicate_activity_ids_are_reported_at_the_second_use()
    {
        var error = Assert.Single(Errors(Workflows.Definition("x", Seq(
            """{ "type": "Delay", "id": "wait", "duration": "P1D" }""",
            """{ "type": "Delay", "id": "wait", "duration": "P2D" }"""))));

        Assert.Equal("$.root.activities[1].id", error.JsonPath);
        Assert.Contains("'wait' is used more than once", error.Message);
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_at_once()
    {
        var json = """
        {
          "id": "Bad Id",
          "version": 0,
          "name": "Broken",
          "colour": "blue",
          "inputs": [{ "name": "due", "type": "calendar" }],
          "root": { "type": "Sequence", "id": "main", "activities": [
            { "type": "Delay", "id": "d", "duration": "soon" },
            { "type": "Task", "id": "t", "assignee": "chair@example.org", "title": "Sign", "outcomes": ["yes", "yes"], "colour": 1 }
          ] }
        }
        """;

        var paths = Errors(json).Select(e => e.JsonPath).ToList();

        Assert.Equal(
            ["$.colour", "$.id", "$.version", "$.inputs[0].type", "$.root.activities[0].duration", "$.root.activities[1].colour", "$.root.activities[1].outcomes[1]"],
            paths);
    }

    [Fact]
    public void Text_that_is_not_json_is_reported_with_line_and_column()
    {
        var error = Assert.Single(Errors("{\n  \"id\": \"x\",\n  \"version\": 1,,\n}"));

        Assert.Contains("not valid JSON (line 3", error.Message);
    }

    [Fact]
    public void A_template_may_only_name_things_that_exist()
    {
        var errors = Errors(Workflows.Definition("x",
            """{ "type": "Task", "id": "t", "assignee": "{{ input.who }}", "title": "Report for {{ input.year }}", "outcomes": ["done"] }""",
            inputs: """[{ "name": "year", "type": "integer" }]"""));

        var error = Assert.Single(errors);
        Assert.Equal("$.root.assignee", error.JsonPath);
    }

    [Fact]
    public void Moving_a_date_by_hours_is_refused_because_a_date_has_no_time()
    {
        var error = Assert.Single(Errors(Workflows.Definition("x",
            """{ "type": "WaitUntil", "id": "w", "date": { "ref": "input.end", "minus": "PT2H" } }""",
            inputs: """[{ "name": "end", "type": "date" }]""")));

        Assert.Equal("$.root.date.minus", error.JsonPath);
        Assert.Contains("has a time part", error.Message);
    }

    [Fact]
    public void Only_a_date_can_be_moved_on_to_a_working_day()
    {
        var error = Assert.Single(Errors(Workflows.Definition("x",
            """{ "type": "SetVariable", "id": "s", "variable": "n", "value": { "ref": "input.count", "onWorkingDay": true } }""",
            inputs: """[{ "name": "count", "type": "integer" }]""",
            variables: """[{ "name": "n", "type": "integer" }]""")));

        Assert.Equal("$.root.value.onWorkingDay", error.JsonPath);
        Assert.Contains("only a date can be moved to a working day", error.Message);
    }

    [Fact]
    public void A_ForEach_body_sees_its_item_variable_but_the_rest_of_the_workflow_does_not()
    {
        var errors = Errors(Workflows.Definition("x", Seq(
            """{ "type": "ForEach", "id": "each", "items": ["a", "b"], "as": "board", "body": { "type": "Task", "id": "t", "assignee": "{{ var.board }}", "title": "Decide ({{ var.boardIndex }})", "outcomes": ["ok"] } }""",
            """{ "type": "Fail", "id": "f", "message": "{{ var.board }}" }""")));

        var error = Assert.Single(errors);
        Assert.Equal("$.root.activities[1].message", error.JsonPath);
    }

    [Fact]
    public void Parallel_cannot_wait_for_more_branches_than_it_has()
    {
        var error = Assert.Single(Errors(Workflows.Definition("x",
            """{ "type": "Parallel", "id": "p", "waitFor": 3, "branches": [ { "type": "Delay", "id": "a", "duration": "P1D" } ] }""")));

        Assert.Equal("$.root.waitFor", error.JsonPath);
    }

    [Fact]
    public void A_folder_with_one_broken_file_yields_the_other_files_definitions_and_names_the_broken_file()
    {
        var folder = Directory.CreateTempSubdirectory("busflow-defs").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "good.json"), Workflows.Definition("good", """{ "type": "Delay", "id": "d", "duration": "P1D" }"""));
            File.WriteAllText(Path.Combine(folder, "bad.json"), Workflows.Definition("bad", """{ "type": "Delay", "id": "d", "duration": "P1X" }"""));
            File.WriteAllText(Path.Combine(folder, "workflow.schema.json"), "{ \"this is\": \"not a definition\" }");

            var result = _loader.LoadFolder(folder);

            Assert.Equal("good", Assert.Single(result.Definitions).Id);
            var error = Assert.Single(result.Errors);
            Assert.EndsWith("bad.json", error.File);
            Assert.Equal("$.root.duration", error.JsonPath);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_same_id_and_version_in_two_files_is_an_error()
    {
        var folder = Directory.CreateTempSubdirectory("busflow-defs").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.json"), Workflows.Definition("same", """{ "type": "Delay", "id": "d", "duration": "P1D" }"""));
            File.WriteAllText(Path.Combine(folder, "b.json"), Workflows.Definition("same", """{ "type": "Delay", "id": "d", "duration": "P2D" }"""));

            var error = Assert.Single(_loader.LoadFolder(folder).Errors);

            Assert.EndsWith("b.json", error.File);
            Assert.Contains("also defined in", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_content_hash_ignores_whitespace_and_comments_but_not_content()
    {
        var a = Workflows.Definition("h", """{ "type": "Delay", "id": "d", "duration": "P1D" }""");
        var b = "// a comment\n" + a.Replace("\n", "\n\n", StringComparison.Ordinal);
        var c = a.Replace("P1D", "P2D", StringComparison.Ordinal);

        Assert.Equal(DefinitionLoader.ContentHash(a), DefinitionLoader.ContentHash(b));
        Assert.NotEqual(DefinitionLoader.ContentHash(a), DefinitionLoader.ContentHash(c));
    }

    [Fact]
    public void A_signal_with_a_bad_name_or_payload_declaration_is_reported_at_each_path()
    {
        var errors = Errors(Workflows.Definition("x", Seq(
            """{ "type": "WaitForSignal", "id": "moved", "signal": "meeting moved", "payload": [ { "name": "date", "type": "day" }, { "name": "date", "type": "date", "unit": "d" }, "place" ] }""")));

        Assert.Equal(
            [
                ("$.root.activities[0].signal", "'meeting moved' is not a signal name: a letter, then letters and digits (e.g. meetingMoved)"),
                ("$.root.activities[0].payload[0].type", "'day' is not a type (use one of any, string, number, integer, boolean, date, dateTime, duration, time, list, object)"),
                ("$.root.activities[0].payload[1].unit", "unknown property 'unit' (allowed: name, type, required, description)"),
                ("$.root.activities[0].payload[1].name", "the fact 'date' is declared twice"),
                ("$.root.activities[0].payload[2]", "a fact is an object such as { \"name\": \"date\", \"type\": \"date\", \"required\": true }"),
            ],
            errors.Select(e => (e.JsonPath, e.Message)));
    }

    [Fact]
    public void Only_a_number_can_be_moved_by_a_number()
    {
        var error = Assert.Single(Errors(Workflows.Definition("x", Seq(
            """{ "type": "SetVariable", "id": "s", "variable": "due", "value": { "ref": "var.due", "plus": 1 } }"""),
            variables: """[{ "name": "due", "type": "date" }]""")));

        Assert.Equal("$.root.activities[0].value.plus", error.JsonPath);
        Assert.Contains("only a number can be moved by a number; 'var.due' is date", error.Message);
    }
}
