using System.Resources;
using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Bus.Activities;

/// <summary>Shared reading of the values BUS activities take: ids, dates, and the records facet.</summary>
public abstract class BusActivity : ActivityType
{
    private static readonly ResourceManager BusDescriptions = new("BusFlow.Bus.Activities.Texts.ActivityDescriptions", typeof(BusActivity).Assembly);

    protected override ResourceManager DescriptionTexts => BusDescriptions;

    protected static IBusRecords Records(ActivityContext context) => context.Session.Facet<IBusRecords>();

    protected static string RequiredText(ActivityContext context, string property)
    {
        var text = Values.ToText(context.Evaluate(property, DataType.String));
        return string.IsNullOrWhiteSpace(text)
            ? throw ActivityContext.Fail($"'{property}' of {context.Node.Id} is empty")
            : text;
    }

    protected static string? OptionalText(ActivityContext context, string property) =>
        context.Evaluate(property, DataType.String) is { } value && Values.ToText(value) is { Length: > 0 } text ? text : null;

    protected static LocalDate DateOrToday(ActivityContext context, string property) =>
        context.Evaluate(property, DataType.Date) is { } value ? Values.ToDate(value) : context.Today;

    protected static async Task<Agreement> AgreementAsync(ActivityContext context, string id) =>
        await Records(context).FindAgreementAsync(id, CancellationToken.None)
        ?? throw ActivityContext.Fail($"there is no agreement '{id}'");

    protected static async Task<Board> BoardAsync(ActivityContext context, string id) =>
        await Records(context).FindBoardAsync(id, CancellationToken.None)
        ?? throw ActivityContext.Fail($"there is no board '{id}'");

    protected static JsonArray List(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    protected static PropertySpec Text(string name, bool required, string description) =>
        new(name, PropertyKind.Expression, DataType.String, required, description);

    protected static PropertySpec Date(string name, bool required, string description) =>
        new(name, PropertyKind.Expression, DataType.Date, required, description);

    /// <summary>The document version a record concerns, as a task's document field names it (its answer's data).</summary>
    protected static PropertySpec DocumentVersion(string what) =>
        new("document", PropertyKind.Expression, DataType.Object, false,
            $"The document version {what} concerns: a document field's answer, e.g. {{ \"ref\": \"output.prepareDraft.data.draft\" }}, or the newest version of a kind in a case, {{ \"case\": \"agreement/…\", \"kind\": \"draft-agreement\" }}. Its version and checksum are recorded with it.");

    /// <summary>Which version of which document a record concerns (id, kind, version, checksum); null when none was given or the case has none.</summary>
    protected static async Task<JsonObject?> DocumentVersionOfAsync(ActivityContext context)
    {
        if (context.Evaluate("document", DataType.Object) is not JsonObject document)
        {
            return null;
        }

        if (document["version"] is null && document["case"]?.ToString() is { Length: > 0 } caseKey && document["kind"]?.ToString() is { Length: > 0 } kind)
        {
            var newest = (await context.Session.Facet<IDocuments>().ListAsync(caseKey, [kind], CancellationToken.None)).FirstOrDefault();
            return newest is null ? null : Described(newest.Id.ToString(), newest.Kind, newest.Version, newest.Checksum);
        }

        return document["version"] is not null
            ? new JsonObject
            {
                ["documentId"] = document["documentId"]?.DeepClone(),
                ["kind"] = document["kind"]?.DeepClone(),
                ["version"] = document["version"]?.DeepClone(),
                ["checksum"] = document["checksum"]?.DeepClone(),
            }
            : null;

        static JsonObject Described(string id, string kind, int version, string checksum) =>
            new() { ["documentId"] = id, ["kind"] = kind, ["version"] = version, ["checksum"] = checksum };
    }
}
