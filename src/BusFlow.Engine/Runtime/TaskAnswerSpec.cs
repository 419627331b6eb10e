using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Engine.Documents;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// What an answer to a task must carry, declared with the Task: the facts to fill in ("form"), the
/// outcomes that need a comment ("commentRequiredFor", default reject and referBack), and the proof
/// the answer needs beyond the link ("proof": "confirmationCode" for outcomes with legal weight).
/// Checked for every answer, whichever way it comes; a refused answer changes nothing.
/// </summary>
public sealed partial record TaskAnswerSpec(IReadOnlyList<AnswerField> Fields, IReadOnlyList<string> CommentRequiredFor, string? Proof)
{
    public const string ConfirmationCodeProof = "confirmationCode";
    public static readonly IReadOnlyList<string> DefaultCommentRequiredFor = ["reject", "referBack"];
    public static readonly TaskAnswerSpec Default = new([], DefaultCommentRequiredFor, null);

    /// <summary>The documents the task shows, and where its document fields store theirs; null when it has none.</summary>
    public DocumentShelf? Documents { get; init; }

    /// <summary>Whether the answer must be confirmed with a one-time code sent by a second mail.</summary>
    public bool NeedsConfirmationCode => Proof == ConfirmationCodeProof;

    public static TaskAnswerSpec Parse(string? json)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject spec)
        {
            return Default;
        }

        var fields = spec["form"] is JsonArray form ? form.OfType<JsonObject>().Select(AnswerField.From).ToList() : [];
        var comment = spec["commentRequiredFor"] is JsonArray outcomes
            ? outcomes.Select(o => o!.GetValue<string>()).ToList()
            : DefaultCommentRequiredFor.ToList();
        return new TaskAnswerSpec(fields, comment, spec["proof"]?.GetValue<string>()) { Documents = DocumentShelf.From(spec["documents"]) };
    }

    /// <summary>
    /// The answer's facts as checked: a document field holds the name of the file taken for it, and
    /// nothing when no file came (a text posted for it does not count as a document).
    /// </summary>
    public JsonObject? WithUploads(JsonObject? data, IReadOnlyDictionary<string, DocumentUpload>? uploads)
    {
        var documentFields = Fields.Where(f => f.IsDocument).ToList();
        if (documentFields.Count == 0)
        {
            return data;
        }

        var facts = data?.DeepClone().AsObject() ?? [];
        foreach (var field in documentFields)
        {
            facts.Remove(field.Name);
            if (uploads is not null && uploads.TryGetValue(field.Name, out var upload))
            {
                facts[field.Name] = upload.FileName;
            }
        }

        return facts.Count > 0 ? facts : null;
    }

    /// <summary>
    /// What is wrong with an answer: each problem with the field ("comment", "data.paragraph") and why.
    /// A date field's limits (notBefore, notAfter) are read against the circumstances of the answer.
    /// </summary>
    public IReadOnlyList<AnswerProblem> Check(string outcome, string? comment, JsonObject? data, AnswerCircumstances circumstances)
    {
        var problems = new List<AnswerProblem>();
        if (CommentRequiredFor.Contains(outcome, StringComparer.Ordinal) && string.IsNullOrWhiteSpace(comment))
        {
            problems.Add(new AnswerProblem("comment", $"a comment is required for '{outcome}'") { Kind = AnswerProblemKind.Missing });
        }

        foreach (var field in Fields)
        {
            var value = data?[field.Name];
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
            if (string.IsNullOrWhiteSpace(text))
            {
                if (field.IsRequiredFor(outcome) && field.IsDocument)
                {
                    problems.Add(new AnswerProblem($"data.{field.Name}", $"attach a file for '{field.Name}': it is required for '{outcome}'") { MessageSv = $"Bifoga en fil: {field.LabelSv}.", Kind = AnswerProblemKind.Missing });
                }
                else if (field.IsRequiredFor(outcome))
                {
                    problems.Add(new AnswerProblem($"data.{field.Name}", $"'{field.Name}' is required for '{outcome}'") { Kind = AnswerProblemKind.Missing });
                }

                continue;
            }

            if (field.Type == "date")
            {
                problems.AddRange(LocalDatePattern.Iso.Parse(text) is { Success: true } date
                    ? field.OutsideLimits(date.Value, circumstances) is { } outside ? [outside] : []
                    : [new AnswerProblem($"data.{field.Name}", $"'{text}' is not a date (yyyy-MM-dd)")]);
            }
            else if (field.Type == "number" && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            {
                problems.Add(new AnswerProblem($"data.{field.Name}", $"'{text}' is not a number"));
            }
        }

        return problems;
    }

    /// <summary>The name of a fact carried in data (an answer's form field, a signal or its facts): a letter, then letters and digits.</summary>
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9]*$")]
    internal static partial Regex FieldName();
}

/// <summary>A fact to fill in with the answer, e.g. the decision's date or paragraph (§); a date may have limits.</summary>
public sealed record AnswerField(string Name, string Type, string LabelSv, string LabelEn, bool Required, IReadOnlyList<string> RequiredFor)
{
    public const string DocumentType = "document";
    public static readonly IReadOnlyList<string> Types = ["text", "date", "number", DocumentType];

    /// <summary>A document field's kind of document, e.g. "draft-agreement": its versions are counted per case and kind.</summary>
    public string? Kind { get; init; }

    public bool IsDocument => Type == DocumentType;

    /// <summary>The first day the date may be, e.g. data.meetingDate: a decision is not taken before its meeting.</summary>
    public AnswerBound? NotBefore { get; init; }

    /// <summary>The last day the date may be, e.g. today: a decision is not dated in the future.</summary>
    public AnswerBound? NotAfter { get; init; }

    public bool IsRequiredFor(string outcome) => RequiredFor.Count > 0 ? RequiredFor.Contains(outcome, StringComparer.Ordinal) : Required;

    /// <summary>Why a date given for this field is outside its limits; null when it is inside them.</summary>
    public AnswerProblem? OutsideLimits(LocalDate value, AnswerCircumstances circumstances)
    {
        if (NotBefore is { } notBefore && notBefore.On(circumstances) is { } first && value < first)
        {
            return Refusal(notBefore, first, before: true);
        }

        return NotAfter is { } notAfter && notAfter.On(circumstances) is { } last && value > last ? Refusal(notAfter, last, before: false) : null;

        AnswerProblem Refusal(AnswerBound limit, LocalDate bound, bool before)
        {
            var (en, sv) = limit.Message(this, value, bound, before);
            return new AnswerProblem($"data.{Name}", en) { MessageSv = sv };
        }
    }

    public static AnswerField From(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var name = json["name"]!.GetValue<string>();
        var (sv, en) = json["label"] switch
        {
            JsonObject labels => (labels["sv"]?.GetValue<string>() ?? name, labels["en"]?.GetValue<string>() ?? labels["sv"]?.GetValue<string>() ?? name),
            JsonValue label => (label.GetValue<string>(), label.GetValue<string>()),
            _ => (name, name),
        };
        return new AnswerField(
            name,
            json["type"]?.GetValue<string>() ?? "text",
            sv,
            en,
            json["required"]?.GetValue<bool>() ?? false,
            json["requiredFor"] is JsonArray outcomes ? outcomes.Select(o => o!.GetValue<string>()).ToList() : [])
        {
            NotBefore = AnswerBound.From(json["notBefore"]),
            NotAfter = AnswerBound.From(json["notAfter"]),
            Kind = json["kind"] is JsonValue kind && kind.TryGetValue<string>(out var kindName) ? kindName : null,
        };
    }
}

/// <summary>A problem with an answer: the field, why in English, and in Swedish when the definition says so.</summary>
public sealed record AnswerProblem(string Field, string Message)
{
    public string? MessageSv { get; init; }

    /// <summary>What sort of problem it is, so that a page words it without reading the English sentence.</summary>
    public AnswerProblemKind Kind { get; init; }

    /// <summary>The message in the reader's language: Swedish when there is one, else the English.</summary>
    public string In(bool swedish) => swedish && MessageSv is { } sv ? sv : Message;
}
