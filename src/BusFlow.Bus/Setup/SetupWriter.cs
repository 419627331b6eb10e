using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using BusFlow.Bus.Model;

namespace BusFlow.Bus.Setup;

/// <summary>
/// Writes a <see cref="SetupDocument"/> as a setup file, YAML or JSON, in the form
/// <see cref="SetupReader"/> reads: fields left at their defaults are left out, and in YAML a
/// meeting, a role or a revision takes one line.
/// </summary>
public static class SetupWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Whether a file name asks for JSON (.json) rather than YAML.</summary>
    public static bool IsJson(string? file) => file is not null && file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static string ToJson(SetupDocument document) => ToNode(document).ToJsonString(Json) + "\n";

    /// <param name="schema">The schema the file names for editors; none when null.</param>
    public static string ToYaml(SetupDocument document, string? schema = null)
    {
        var text = new StringBuilder();
        if (schema is not null)
        {
            text.Append("# yaml-language-server: $schema=").Append(schema).Append('\n');
        }

        foreach (var (key, value) in ToNode(document))
        {
            if (value is JsonArray { Count: > 0 } list)
            {
                text.Append(key).Append(":\n");
                WriteList(text, list, 2);
            }
        }

        return text.ToString();
    }

    private static JsonObject ToNode(SetupDocument document) => new()
    {
        ["organizations"] = Array(document.Organizations, o => Object(("id", o.Id), ("name", o.Name), ("kind", SetupNames.Of(o.Kind)))),
        ["boards"] = Array(document.Boards, b => Object(
            ("id", b.Id),
            ("organization", b.Organization),
            ("code", b.Code),
            ("name", b.Name),
            ("noticeDays", b.NoticeDays),
            ("noticeInWorkingDays", b.NoticeInWorkingDays ? true : null),
            ("meetingPlans", Array(b.MeetingPlans, p => Object(
                ("year", p.Year),
                ("meetings", Array(p.Meetings, m => Object(("date", Date(m.Date)), ("time", m.Time.ToString("HH:mm", CultureInfo.InvariantCulture)), ("place", m.Place))))))),
            ("roles", Array(b.Roles, Role)))),
        ["people"] = Array(document.People, p => Object(("id", p.Id), ("name", p.Name), ("email", p.Email), ("language", p.Language == "sv" ? null : p.Language))),
        ["bodies"] = Array(document.Bodies, b => Object(
            ("id", b.Id),
            ("organization", b.Organization),
            ("name", b.Name),
            ("kind", SetupNames.Of(b.Kind)),
            ("agreement", b.Agreement),
            ("rotation", b.RotationStartYear is null && b.RotationOrder.Count == 0
                ? null
                : Object(("startYear", b.RotationStartYear), ("order", Array(b.RotationOrder, slot => Array(slot, board => (JsonNode?)board))))),
            ("members", Array(b.Members, Role)))),
        ["agreements"] = Array(document.Agreements, a => Object(
            ("id", a.Id),
            ("organization", a.Organization),
            ("title", a.Title),
            ("status", SetupNames.Of(a.Status)),
            ("validFrom", Date(a.ValidFrom)),
            ("validUntil", Date(a.ValidUntil)),
            ("predecessor", a.Predecessor),
            ("body", a.Body),
            ("cycle", SetupNames.Of(a.Cycle)),
            ("changes", a.Changes == AgreementChangeMode.RenewedEachMandate ? null : SetupNames.Of(a.Changes)),
            ("parties", Array(a.Parties, p => Object(
                ("board", p.Board),
                ("organization", p.Organization),
                ("involvement", SetupNames.Of(p.Involvement)),
                ("representative", p.Representative)))),
            ("recipients", Array(a.Recipients, r => (JsonNode?)r)),
            ("revisions", Array(a.Revisions, r => Object(("date", Date(r.Date)), ("note", r.Note)))),
            ("decisions", Array(a.Decisions, Decision)))),
    };

    private static JsonObject Role(SetupDocument.RoleEntry role) =>
        Object(("person", role.Person), ("role", SetupNames.Of(role.Role)), ("from", Date(role.From)), ("until", role.Until is { } until ? Date(until) : null));

    private static JsonObject Decision(SetupDocument.DecisionEntry decision) => Object(
        ("board", decision.Board),
        ("outcome", decision.Outcome == DecisionOutcome.Approve ? null : SetupNames.Of(decision.Outcome)),
        ("date", Date(decision.Date)),
        ("meeting", decision.Meeting is { } meeting ? Date(meeting) : null),
        ("paragraph", decision.Paragraph),
        ("registrationNumber", decision.RegistrationNumber),
        ("signedBy", decision.Signature?.Person),
        ("signedAt", decision.Signature?.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        ("proof", decision.Signature is { Proof: not "paper" } signature ? signature.Proof : null));

    private static string Date(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonArray? Array<T>(IReadOnlyList<T> items, Func<T, JsonNode?> write) =>
        items.Count == 0 ? null : new JsonArray([.. items.Select(write)]);

    /// <summary>An object of the fields that have a value, in the order given.</summary>
    private static JsonObject Object(params (string Key, object? Value)[] fields)
    {
        var node = new JsonObject();
        foreach (var (key, value) in fields)
        {
            JsonNode? written = value switch
            {
                null => null,
                JsonNode inner => inner,
                string text => text,
                int number => number,
                bool flag => flag,
                _ => throw new ArgumentException($"No setup value of type {value.GetType()}"),
            };
            if (written is not null)
            {
                node[key] = written;
            }
        }

        return node;
    }

    private static void WriteList(StringBuilder text, JsonArray list, int indent)
    {
        foreach (var item in list)
        {
            text.Append(' ', indent).Append("- ");
            if (item is JsonObject obj && !IsFlat(obj))
            {
                WriteObject(text, obj, indent + 2, firstInline: true);
            }
            else
            {
                text.Append(Flow(item)).Append('\n');
            }
        }
    }

    private static void WriteObject(StringBuilder text, JsonObject obj, int indent, bool firstInline)
    {
        var first = true;
        foreach (var (key, value) in obj)
        {
            if (!(first && firstInline))
            {
                text.Append(' ', indent);
            }

            first = false;
            text.Append(key).Append(':');
            switch (value)
            {
                case JsonArray nested when nested.Any(i => i is JsonObject o && !IsFlat(o)) || nested.Count > 0 && nested.All(i => i is JsonObject):
                    text.Append('\n');
                    WriteList(text, nested, indent + 2);
                    break;
                case JsonObject nested when !IsFlat(nested):
                    text.Append('\n');
                    WriteObject(text, nested, indent + 2, firstInline: false);
                    break;
                default:
                    text.Append(' ').Append(Flow(value)).Append('\n');
                    break;
            }
        }
    }

    /// <summary>A mapping of plain values only (a meeting, a role, a party) fits on one line.</summary>
    private static bool IsFlat(JsonObject obj) => obj.All(p => p.Value is JsonValue);

    private static string Flow(JsonNode? node) => node switch
    {
        JsonObject obj => $"{{ {string.Join(", ", obj.Select(p => $"{p.Key}: {Flow(p.Value)}"))} }}",
        JsonArray list => $"[{string.Join(", ", list.Select(Flow))}]",
        JsonValue value when value.TryGetValue<string>(out var text) => Scalar(text),
        _ => node?.ToJsonString() ?? "null",
    };

    /// <summary>A string plain when YAML reads it back as the same string, else double-quoted (JSON's escapes are YAML's too).</summary>
    private static string Scalar(string text) =>
        IsPlain(text) ? text : JsonSerializer.Serialize(text, Quoting);

    private static bool IsPlain(string text) =>
        text.Length > 0
        && text.All(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' or '@' or ' ' or '–')
        && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
        && text[0] != '-'
        && text is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~")
        && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
