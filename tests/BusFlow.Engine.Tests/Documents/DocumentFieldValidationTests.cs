using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Tests.Support;

namespace BusFlow.Engine.Tests.Documents;

public sealed class DocumentFieldValidationTests
{
    private readonly DefinitionLoader _loader = new(ActivityRegistry.BuiltIn());

    [Fact]
    public void A_document_field_with_a_kind_on_a_task_that_shows_its_case_loads()
    {
        var result = _loader.Load(Workflows.Definition("ok", """
            { "type": "Task", "id": "prepare", "assignee": "sekr@exempelby.test", "title": "Ta fram förslag", "outcomes": ["ready"],
              "documents": { "case": "agreement/{{ instance.id }}", "kinds": ["draft-agreement"] },
              "form": [ { "name": "draft", "type": "document", "kind": "draft-agreement", "required": true } ] }
            """), "workflows/ok.json");

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_document_field_without_a_kind_without_the_tasks_documents_or_on_a_task_confirmed_by_code_is_reported_at_the_field()
    {
        var errors = _loader.Load(Workflows.Definition("x", """
            { "type": "Task", "id": "sign", "assignee": "ordf@exempelby.test", "title": "Underteckna", "outcomes": ["sign"], "proof": "confirmationCode",
              "form": [ { "name": "draft", "type": "document" }, { "name": "note", "type": "text", "kind": "memo" } ] }
            """), "workflows/broken.json").Errors;

        Assert.Equal(
            ["$.root.form[0].kind", "$.root.form[0].type", "$.root.form[0].type", "$.root.form[1].kind"],
            errors.Select(e => e.JsonPath).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("a document field needs a kind", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("give the task \"documents\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("cannot take a document", StringComparison.Ordinal));
    }
}
