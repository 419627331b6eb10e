using System.Text.Json.Nodes;

namespace BusFlow.Engine.Documents;

/// <summary>
/// The documents a task shows and stores into: those of a case (filled in when the task is created,
/// e.g. "agreement/{{ output.draft.agreementId }}"), of the kinds listed (every kind when none are).
/// </summary>
public sealed record DocumentShelf(string CaseKey, IReadOnlyList<string> Kinds)
{
    public JsonObject ToJson() => new() { ["case"] = CaseKey, ["kinds"] = new JsonArray([.. Kinds.Select(k => (JsonNode?)k)]) };

    public static DocumentShelf? From(JsonNode? json) =>
        json is JsonObject shelf && shelf["case"] is JsonValue value && value.TryGetValue<string>(out var caseKey) && caseKey.Length > 0
            ? new DocumentShelf(caseKey, shelf["kinds"] is JsonArray kinds ? [.. kinds.OfType<JsonValue>().Select(k => k.ToString())] : [])
            : null;

    /// <summary>Whether a document belongs on this shelf: its case, and one of the kinds.</summary>
    public bool Holds(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.CaseKey == CaseKey && (Kinds.Count == 0 || Kinds.Contains(document.Kind, StringComparer.Ordinal));
    }
}
