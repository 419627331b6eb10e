using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// A limit on a date field of a task's answer ("notBefore", "notAfter"): "today" (the day the answer
/// is given), "data.&lt;fact&gt;" (a date in the task's data as it stands when answered, so a moved
/// meeting moves the limit with it) or a date. The optional message, in sv and en, may use {value}
/// (the date given) and {bound} (the limit).
/// </summary>
public sealed record AnswerBound(string Date, string? MessageSv, string? MessageEn)
{
    public const string Today = "today";
    public const string DataPrefix = "data.";

    /// <summary>"today", "data.meetingDate" or "2026-04-01", or { "date": …, "message": { "sv": …, "en": … } }; null when absent.</summary>
    public static AnswerBound? From(JsonNode? json) => json switch
    {
        JsonValue value when value.TryGetValue<string>(out var date) => new AnswerBound(date, null, null),
        JsonObject bound when bound["date"] is JsonValue date && date.TryGetValue<string>(out var text) => bound["message"] switch
        {
            JsonObject message => new AnswerBound(text, message["sv"]?.GetValue<string>(), message["en"]?.GetValue<string>() ?? message["sv"]?.GetValue<string>()),
            JsonValue message when message.TryGetValue<string>(out var same) => new AnswerBound(text, same, same),
            _ => new AnswerBound(text, null, null),
        },
        _ => null,
    };

    /// <summary>Why a written limit cannot be used; null when it can.</summary>
    public static DefinitionMessage? Problem(JsonNode? json)
    {
        var bound = From(json);
        if (bound is null)
        {
            return Says.That(nameof(DefinitionTexts.LimitShape));
        }

        var fact = bound.Date.StartsWith(DataPrefix, StringComparison.Ordinal) ? bound.Date[DataPrefix.Length..] : null;
        return bound.Date == Today || (fact is not null && TaskAnswerSpec.FieldName().IsMatch(fact)) || LocalDatePattern.Iso.Parse(bound.Date).Success
            ? null
            : Says.That(nameof(DefinitionTexts.NotALimit), bound.Date);
    }

    /// <summary>The limit's day when the answer is given; null when the task's data has no such date.</summary>
    public LocalDate? On(AnswerCircumstances circumstances)
    {
        ArgumentNullException.ThrowIfNull(circumstances);
        if (Date == Today)
        {
            return circumstances.Today;
        }

        var text = Date.StartsWith(DataPrefix, StringComparison.Ordinal)
            ? circumstances.TaskData?[Date[DataPrefix.Length..]] is JsonValue fact && fact.TryGetValue<string>(out var s) ? s : null
            : Date;
        return text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;
    }

    /// <summary>The message for a date outside the limit, the definition's own if it has one.</summary>
    public (string En, string Sv) Message(AnswerField field, LocalDate value, LocalDate bound, bool before)
    {
        ArgumentNullException.ThrowIfNull(field);
        var (en, sv) = (MessageEn, MessageSv) switch
        {
            ({ } ownEn, { } ownSv) => (ownEn, ownSv),
            _ when before => ($"{field.LabelEn}: {{value}} is before {{bound}}", $"{field.LabelSv}: {{value}} är före {{bound}}"),
            _ when Date == Today => ($"{field.LabelEn}: {{value}} is in the future", $"{field.LabelSv}: {{value}} ligger i framtiden"),
            _ => ($"{field.LabelEn}: {{value}} is after {{bound}}", $"{field.LabelSv}: {{value}} är efter {{bound}}"),
        };
        return (Fill(en), Fill(sv));

        string Fill(string text) => text
            .Replace("{value}", LocalDatePattern.Iso.Format(value), StringComparison.Ordinal)
            .Replace("{bound}", LocalDatePattern.Iso.Format(bound), StringComparison.Ordinal);
    }
}
