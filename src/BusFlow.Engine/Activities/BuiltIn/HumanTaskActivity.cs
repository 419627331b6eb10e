using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>
/// A task for a person: waits until one of the allowed outcomes is given. Its output (and the
/// variable named by "output") is { outcome, comment, completedBy, completedAt }.
/// </summary>
public sealed class HumanTaskActivity : ActivityType
{
    /// <summary>The key in an urgent task's data (written when the definition says "urgent": true).</summary>
    public const string UrgentKey = "urgent";

    public override ActivityDescriptor Descriptor { get; } = new("Task", "Creates a task for an assignee and waits until one of its outcomes is given.",
    [
        new PropertySpec("assignee", PropertyKind.Expression, DataType.String, Required: true, Description: "Who is asked: a person's address or a role key."),
        new PropertySpec("title", PropertyKind.Expression, DataType.String, Required: true, Description: "What is asked; may use {{ references }}."),
        new PropertySpec("description", PropertyKind.Expression, DataType.String, Description: "More about the task; may use {{ references }}."),
        new PropertySpec("outcomes", PropertyKind.Literal, DataType.List, Required: true, Description: "The answers allowed, e.g. [\"approve\", \"reject\"]."),
        new PropertySpec("due", PropertyKind.Expression, DataType.Date, Description: "The due date, e.g. {\"ref\": \"today\", \"plus\": \"P14D\"}."),
        new PropertySpec("dueOnWorkingDay", PropertyKind.Literal, DataType.Boolean, Description: "Move a due date on a non-working day to the next working day (the task's data then has dueMovedFrom). Default: true."),
        new PropertySpec("data", PropertyKind.Expression, DataType.Object, Description: "Facts shown with the task (documents, numbers)."),
        new PropertySpec("urgent", PropertyKind.Literal, DataType.Boolean, Description: "Mail the new task at once, even at night, on a weekend or a holiday (the task's data then has urgent: true). Default: false, and the mail waits for the reminder window on a working day."),
        new PropertySpec("role", PropertyKind.Expression, DataType.String, Description: "The role the task is for, as scope/Role, e.g. \"{{ input.board }}/Secretary\": reminders go to whoever holds it on the day they go out."),
        new PropertySpec("reminders", PropertyKind.Expression, DataType.Object, Description: "When to remind and whom to tell when nobody answers: { workingDaysBefore: [14, 7, 2], onDueDate: true, everyWorkingDaysAfter: 3, maxAfter: 2, escalateTo: [\"ViceChair\", \"Secretary\"], window: { start: \"08:00\", end: \"17:00\" } }. Needs a due date. A role in escalateTo is of the task's own board, or scope/Role, which may use {{ references }} (\"{{ input.board }}/HeadOfAdministration\"); they are filled in when the task is created.")
        {
            Fields = ReminderPolicyJson.Fields,
        },
        new PropertySpec("documents", PropertyKind.Expression, DataType.Object, Description: "The documents the task shows, with their versions and checksums: { case: \"agreement/{{ output.draft.agreementId }}\", kinds: [\"draft-agreement\"] } (every kind of the case when kinds is left out). A document field of the form stores its file in this case."),
        new PropertySpec("form", PropertyKind.Literal, DataType.List, Description: "Facts the person fills in with the answer: [{ name, type: text|date|number|document, label: { sv, en }, required, requiredFor: [outcomes], notBefore, notAfter, kind }]. They arrive as the answer's data. A document field (type document, with a kind such as \"draft-agreement\") takes a PDF or DOCX file, stored as the next version of that kind in the task's documents case; the answer's data then names it: { documentId, version, checksum, fileName, kind, case }. A date's notBefore and notAfter are \"today\", \"data.<fact of the task>\" or a date, or { date, message: { sv, en } } with {value} and {bound} in the message; an answer outside them is refused and the task stays open."),
        new PropertySpec("commentRequiredFor", PropertyKind.Literal, DataType.List, Description: "The outcomes that need a comment. Default: [\"reject\", \"referBack\"]."),
        new PropertySpec("proof", PropertyKind.Literal, DataType.String, Description: "The proof an answer needs beyond the mailed link: \"link\" (default) or \"confirmationCode\" (a one-time code sent by a second mail), for outcomes with legal weight. The answer's proof is in its output as proof.")
        {
            AllowedValues = ["link", TaskAnswerSpec.ConfirmationCodeProof],
        },
        new PropertySpec("output", PropertyKind.VariableName, Description: "A variable that receives the answer: { outcome, comment, completedBy, completedAt, data, proof, task: { due, data } }, where task is the task as it stood when answered (its due date and data, which a moved meeting may have changed)."),
    ]);

    public override void Validate(ActivityNode node, JsonObject json, ValidationReporter report)
    {
        if (json["reminders"] is JsonObject reminders)
        {
            ReminderPolicyJson.Read(reminders, (path, reason) => report($"reminders.{path}", reason));
            if (json["due"] is null)
            {
                report("reminders", Says.That(nameof(DefinitionTexts.RemindersNeedDue)));
            }
        }

        if (json["form"] is JsonArray form)
        {
            ValidateForm(form, report);
            ValidateDocumentFields(form, json, report);
        }

        if (json["outcomes"] is not JsonArray outcomes)
        {
            return;
        }

        if (outcomes.Count == 0)
        {
            report("outcomes", Says.That(nameof(DefinitionTexts.TaskNeedsOutcome)));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var text = outcomes[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                report($"outcomes[{i}]", Says.That(nameof(DefinitionTexts.OutcomeIsText)));
            }
            else if (!seen.Add(text))
            {
                report($"outcomes[{i}]", Says.That(nameof(DefinitionTexts.OutcomeTwice), text));
            }
        }
    }

    private static void ValidateForm(JsonArray form, ValidationReporter report)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Count; i++)
        {
            if (form[i] is not JsonObject field)
            {
                report($"form[{i}]", Says.That(nameof(DefinitionTexts.FormFieldObject)));
                continue;
            }

            var name = field["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : null;
            if (name is null || !TaskAnswerSpec.FieldName().IsMatch(name))
            {
                report($"form[{i}].name", Says.That(nameof(DefinitionTexts.FormFieldName)));
            }
            else if (!names.Add(name))
            {
                report($"form[{i}].name", Says.That(nameof(DefinitionTexts.FormFieldTwice), name));
            }

            if (field["type"] is { } type && !(type is JsonValue t && t.TryGetValue<string>(out var typeName) && AnswerField.Types.Contains(typeName)))
            {
                report($"form[{i}].type", Says.That(nameof(DefinitionTexts.FormFieldType), string.Join(", ", AnswerField.Types)));
            }

            foreach (var limit in (string[])["notBefore", "notAfter"])
            {
                if (field[limit] is not { } bound)
                {
                    continue;
                }

                if (field["type"]?.ToString() != "date")
                {
                    report($"form[{i}].{limit}", Says.That(nameof(DefinitionTexts.LimitNeedsDate), limit));
                }
                else if (AnswerBound.Problem(bound) is { } problem)
                {
                    report($"form[{i}].{limit}", problem);
                }
            }

            if (field["label"] is { } label && label is not JsonObject && !(label is JsonValue l && l.TryGetValue<string>(out _)))
            {
                report($"form[{i}].label", Says.That(nameof(DefinitionTexts.LabelTextOrLanguages)));
            }
        }
    }

    private static void ValidateDocumentFields(JsonArray form, JsonObject json, ValidationReporter report)
    {
        for (var i = 0; i < form.Count; i++)
        {
            if (form[i] is not JsonObject field)
            {
                continue;
            }

            var isDocument = field["type"]?.ToString() == AnswerField.DocumentType;
            if (field["kind"] is { } kind && !isDocument)
            {
                report($"form[{i}].kind", Says.That(nameof(DefinitionTexts.KindNeedsDocument)));
            }

            if (!isDocument)
            {
                continue;
            }

            if (!(field["kind"] is JsonValue k && k.TryGetValue<string>(out var kindName) && kindName.Trim().Length > 0))
            {
                report($"form[{i}].kind", Says.That(nameof(DefinitionTexts.DocumentNeedsKind)));
            }

            if (json["documents"] is null)
            {
                report($"form[{i}].type", Says.That(nameof(DefinitionTexts.DocumentNeedsCase)));
            }

            if (json["proof"]?.ToString() == TaskAnswerSpec.ConfirmationCodeProof)
            {
                report($"form[{i}].type", Says.That(nameof(DefinitionTexts.DocumentNotWithCode)));
            }
        }
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var assignee = Values.ToText(context.Evaluate("assignee", DataType.String));
        if (string.IsNullOrWhiteSpace(assignee))
        {
            throw ActivityContext.Fail($"the task '{context.Node.Id}' has no assignee");
        }

        var data = context.Evaluate("data", DataType.Object) as JsonObject;
        var due = context.Evaluate("due", DataType.Date) is { } dueValue ? Values.ToDate(dueValue) : (NodaTime.LocalDate?)null;
        if (due is { } date && (context.Node.Literal<bool?>("dueOnWorkingDay") ?? true))
        {
            due = context.Calendar.OnOrNextWorkingDay(date);
            if (due != date)
            {
                // Kept with the task so that people are shown the move, not just a different date.
                data ??= [];
                data["dueMovedFrom"] = Values.FromDate(date);
            }
        }

        if (context.Node.Literal<bool?>(UrgentKey) == true)
        {
            data ??= [];
            data[UrgentKey] = true;
        }

        var outcomes = context.Node.Literal<JsonArray>("outcomes")!.Select(o => o!.GetValue<string>()).ToList();
        var role = context.Evaluate("role", DataType.String) is { } roleValue ? Values.ToText(roleValue) : null;
        context.CreateTask(new HumanTaskRequest(
            assignee,
            Values.ToText(context.Evaluate("title", DataType.String)),
            context.Evaluate("description", DataType.String) is { } description ? Values.ToText(description) : null,
            outcomes,
            due,
            data)
        {
            Role = string.IsNullOrWhiteSpace(role) ? null : role,
            Reminders = context.Evaluate("reminders", DataType.Object) as JsonObject,
            AnswerSpec = AnswerSpec(context.Node, Shelf(context)),
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>The documents the task shows, as filled in now; null when it shows none.</summary>
    private static DocumentShelf? Shelf(ActivityContext context)
    {
        if (context.Evaluate("documents", DataType.Object) is not JsonObject documents)
        {
            return null;
        }

        return DocumentShelf.From(documents) ?? throw ActivityContext.Fail($"the task '{context.Node.Id}' shows documents of no case: its documents.case is empty");
    }

    /// <summary>The answer's requirements (and the documents shown) as stored with the task; null when the defaults hold.</summary>
    private static JsonObject? AnswerSpec(ActivityNode node, DocumentShelf? shelf)
    {
        var form = node.Literal<JsonArray>("form");
        var comment = node.Literal<JsonArray>("commentRequiredFor");
        var proof = node.Literal<string>("proof");
        if (form is null && comment is null && proof is null && shelf is null)
        {
            return null;
        }

        return new JsonObject
        {
            ["form"] = form?.DeepClone(),
            ["commentRequiredFor"] = comment?.DeepClone(),
            ["proof"] = proof,
            ["documents"] = shelf?.ToJson(),
        };
    }

    public override ValueTask OnResumedAsync(ActivityContext context, JsonNode? payload)
    {
        if (context.Node.Literal<string>("output") is { } variable)
        {
            context.SetVariable(variable, payload?.DeepClone());
        }

        context.Complete(payload);
        return ValueTask.CompletedTask;
    }
}
