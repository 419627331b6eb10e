using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Design;
using BusFlow.Testing.Design;

namespace BusFlow.Engine.Tests.Design;

public sealed class DraftDocumentTests
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.BuiltIn();
    private static readonly DefinitionLoader Loader = new(Registry);

    private const string Blank = """
        {
          "id": "approval",
          "version": 1,
          "name": "Godkännande",
          "inputs": [ { "name": "approver", "type": "string", "required": true }, { "name": "due", "type": "date", "required": true } ],
          "variables": [ { "name": "decision", "type": "object" } ],
          "root": { "type": "Sequence", "id": "main", "activities": [] }
        }
        """;

    private const string Example = """
        {
          "id": "example",
          "version": 3,
          "name": "Godkännande med tidsfrist",
          "inputs": [ { "name": "approver", "type": "string", "required": true }, { "name": "due", "type": "date", "required": true } ],
          "variables": [ { "name": "decision", "type": "object" }, { "name": "result", "type": "string", "default": "pending" } ],
          "root": {
            "type": "Sequence", "id": "main",
            "activities": [
              { "type": "Parallel", "id": "firstAnswer", "waitFor": 1, "branches": [
                { "type": "Task", "id": "approve", "assignee": { "ref": "input.approver" }, "title": "Godkänn: {{ input.approver }}",
                  "outcomes": ["approve", "reject"], "due": { "ref": "input.due" }, "output": "decision",
                  "reminders": { "workingDaysBefore": [5, 2], "onDueDate": true, "escalateTo": ["ViceChair"], "window": { "start": "08:00", "end": "17:00" } } },
                { "type": "WaitUntil", "id": "graceOver", "date": { "ref": "input.due", "plus": "P5D" }, "time": "08:00", "nextWorkingDay": true }
              ] },
              { "type": "Switch", "id": "record", "value": { "ref": "var.decision.outcome" }, "cases": {
                "approve": { "type": "SetVariable", "id": "approved", "variable": "result", "value": "approved" },
                "reject": { "type": "SetVariable", "id": "rejected", "variable": "result", "value": "rejected" } } }
            ]
          }
        }
        """;

    [Fact]
    public void Saving_every_step_without_changing_a_field_gives_the_same_definition()
    {
        var json = Example;
        var document = DraftDocument.TryParse(json, Registry)!;

        foreach (var step in document.Steps())
        {
            Assert.Empty(document.SetFields(step.Id, DraftForms.Untouched(document.Fields(step.Id))));
        }

        Assert.Equal(DefinitionLoader.ContentHash(json), DefinitionLoader.ContentHash(document.ToJson()));
    }

    [Fact]
    public void A_task_added_and_filled_in_as_fields_is_written_as_the_json_the_loader_accepts()
    {
        var document = DraftDocument.TryParse(Blank, Registry)!;

        Assert.Null(document.Add("main", "activities", "Task", "approve"));
        var errors = document.SetFields("approve", new Dictionary<string, string>
        {
            ["assignee.ref"] = "input.approver",
            ["title"] = "Godkänn budgeten",
            ["outcomes"] = "approve, reject",
            ["due.ref"] = "input.due",
            ["due.plus"] = "P5D",
            ["reminders.workingDaysBefore"] = "5, 2",
            ["reminders.onDueDate"] = "true",
            ["reminders.maxAfter"] = "2",
            ["reminders.escalateTo"] = "ViceChair",
            ["output"] = "decision",
        });

        Assert.Empty(errors);
        var loaded = Loader.Load(document.ToJson(), "approval.json");
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors));
        var task = loaded.Definitions[0].Root.ChildList("activities")[0];
        Assert.Equal("Task", task.Type);
        Assert.Contains("\"outcomes\": [\n", document.ToJson().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"workingDaysBefore\": [\n", document.ToJson().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"plus\": \"P5D\"", document.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_that_cannot_be_read_is_named_and_nothing_of_the_form_is_written()
    {
        var document = DraftDocument.TryParse(Blank, Registry)!;
        document.Add("main", "activities", "Task", "approve");
        var before = document.ToJson();

        var errors = document.SetFields("approve", new Dictionary<string, string> { ["title"] = "Godkänn", ["reminders.maxAfter"] = "two" });

        Assert.Equal("reminders.maxAfter", Assert.Single(errors).Field);
        Assert.Equal(before, document.ToJson());
    }

    [Fact]
    public void An_error_of_the_loader_is_placed_at_its_step_and_field()
    {
        var document = DraftDocument.TryParse(Blank, Registry)!;
        document.Add("main", "activities", "Task", "approve");
        document.SetFields("approve", new Dictionary<string, string> { ["title"] = "Godkänn", ["assignee"] = "anna@example.se", ["outcomes"] = "approve", ["due"] = "2027-03-01", ["reminders.maxAfter"] = "99" });

        var error = Assert.Single(Loader.Load(document.ToJson(), "approval.json").Errors);

        Assert.Equal(("approve", "reminders.maxAfter"), document.Locate(error.JsonPath));
    }

    [Fact]
    public void Steps_move_within_their_list_and_are_removed_with_their_children()
    {
        var document = DraftDocument.TryParse(Blank, Registry)!;
        document.Add("main", "activities", "SetVariable", "first");
        document.Add("main", "activities", "Parallel", "both");
        document.Add("both", "branches", "Delay", "wait");

        Assert.True(document.Move("both", -1));
        Assert.Equal(["main", "both", "wait", "first"], document.Steps().Select(s => s.Id));
        Assert.False(document.Move("both", -1));
        Assert.True(document.Remove("both"));
        Assert.Equal(["main", "first"], document.Steps().Select(s => s.Id));
    }

    [Fact]
    public void A_step_offers_the_inputs_variables_earlier_outputs_and_its_loops_local_as_references()
    {
        var document = DraftDocument.TryParse(Blank, Registry)!;
        document.Add("main", "activities", "Task", "approve");
        document.Add("main", "activities", "ForEach", "each");
        document.SetFields("each", new Dictionary<string, string> { ["items"] = "[1, 2]", ["as"] = "board" });
        document.Add("each", "body", "Delay", "wait");

        Assert.Equal(["input.approver", "input.due", "var.decision", "output.approve", "board", "today", "now"], document.References("wait"));
    }

    [Fact]
    public void A_step_id_already_in_use_is_refused()
    {
        var document = DraftDocument.TryParse(Blank, Registry)!;

        var error = document.Add("main", "activities", "Delay", "main");

        Assert.Contains("not a free step id", error, StringComparison.Ordinal);
    }
}
