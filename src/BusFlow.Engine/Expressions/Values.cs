using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Engine.Expressions;

/// <summary>How typed values live in JSON: dates, instants, periods and times as ISO text.</summary>
public static class Values
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly PeriodPattern DurationPattern = PeriodPattern.NormalizingIso;
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern TimeWithSecondsPattern = LocalTimePattern.ExtendedIso;

    public static bool TryParseDate(string text, out LocalDate date)
    {
        var result = DatePattern.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    public static bool TryParseInstant(string text, out Instant instant)
    {
        var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (result.Success)
        {
            instant = result.Value.ToInstant();
            return true;
        }

        var utc = InstantPattern.ExtendedIso.Parse(text);
        instant = utc.Success ? utc.Value : default;
        return utc.Success;
    }

    public static bool TryParseDuration(string text, out Period period)
    {
        var result = DurationPattern.Parse(text);
        period = result.Success ? result.Value : Period.Zero;
        return result.Success;
    }

    public static bool TryParseTime(string text, out LocalTime time)
    {
        var result = TimePattern.Parse(text);
        if (!result.Success)
        {
            result = TimeWithSecondsPattern.Parse(text);
        }

        time = result.Success ? result.Value : default;
        return result.Success;
    }

    public static JsonNode FromDate(LocalDate date) => JsonValue.Create(DatePattern.Format(date));

    public static JsonNode FromInstant(Instant instant) => JsonValue.Create(InstantPattern.ExtendedIso.Format(instant));

    public static string FormatDuration(Period period) => DurationPattern.Format(period);

    public static LocalDate ToDate(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && TryParseDate(text, out var date)
            ? date
            : throw new ExpressionException($"expected a date (YYYY-MM-DD) but found {Describe(node)}");

    public static Instant ToInstant(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && TryParseInstant(text, out var instant)
            ? instant
            : throw new ExpressionException($"expected an instant (e.g. 2026-04-01T08:00:00+02:00) but found {Describe(node)}");

    public static Period ToDuration(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && TryParseDuration(text, out var period)
            ? period
            : throw new ExpressionException($"expected an ISO-8601 duration (e.g. P14D) but found {Describe(node)}");

    public static LocalTime ToTime(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && TryParseTime(text, out var time)
            ? time
            : throw new ExpressionException($"expected a time of day (HH:mm) but found {Describe(node)}");

    public static bool ToBoolean(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag)
            ? flag
            : throw new ExpressionException($"expected true or false but found {Describe(node)}");

    public static string ToText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    public static IReadOnlyList<JsonNode?> ToList(JsonNode? node) =>
        node as JsonArray is { } array
            ? array.ToList()
            : throw new ExpressionException($"expected a list but found {Describe(node)}");

    /// <summary>Whether a JSON literal is a valid value of the type; the reason when not.</summary>
    public static DefinitionMessage? CheckLiteral(JsonNode? node, DataType type)
    {
        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        var text = kind == JsonValueKind.String ? node!.GetValue<string>() : null;
        return type switch
        {
            DataType.Any => null,
            _ when kind == JsonValueKind.Null => null,
            DataType.String => kind == JsonValueKind.String ? null : Says.That(nameof(DefinitionTexts.ExpectedText), DescribedValue(node)),
            DataType.Number => kind == JsonValueKind.Number ? null : Says.That(nameof(DefinitionTexts.ExpectedNumber), DescribedValue(node)),
            DataType.Integer => TryGetNumber(node, out var number) && number % 1 == 0 ? null : Says.That(nameof(DefinitionTexts.ExpectedWholeNumber), DescribedValue(node)),
            DataType.Boolean => kind is JsonValueKind.True or JsonValueKind.False ? null : Says.That(nameof(DefinitionTexts.ExpectedBoolean), DescribedValue(node)),
            DataType.Date => text is not null && TryParseDate(text, out _) ? null : Says.That(nameof(DefinitionTexts.NotADate), text ?? DescribedValue(node)),
            DataType.DateTime => text is not null && TryParseInstant(text, out _) ? null : Says.That(nameof(DefinitionTexts.NotAnInstant), text ?? DescribedValue(node)),
            DataType.Duration => text is not null && TryParseDuration(text, out _) ? null : Says.That(nameof(DefinitionTexts.NotADuration), text ?? DescribedValue(node)),
            DataType.Time => text is not null && TryParseTime(text, out _) ? null : Says.That(nameof(DefinitionTexts.NotATime), text ?? DescribedValue(node)),
            DataType.List => kind == JsonValueKind.Array ? null : Says.That(nameof(DefinitionTexts.ExpectedList), DescribedValue(node)),
            DataType.Object => kind == JsonValueKind.Object ? null : Says.That(nameof(DefinitionTexts.ExpectedObject), DescribedValue(node)),
            _ => null,
        };
    }

    public static string Describe(JsonNode? node) => DescribedValue(node).ToString()!;

    /// <summary>A value as a reader is told of it: "the text …", or the JSON itself when nothing better says it.</summary>
    private static object DescribedValue(JsonNode? node) => node switch
    {
        null => Says.That(nameof(DefinitionTexts.ValueNull)),
        JsonObject => Says.That(nameof(DefinitionTexts.ValueObject)),
        JsonArray => Says.That(nameof(DefinitionTexts.ValueList)),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => Says.That(nameof(DefinitionTexts.ValueText), node.GetValue<string>()),
            JsonValueKind.Number => Says.That(nameof(DefinitionTexts.ValueNumber), node.ToJsonString()),
            JsonValueKind.True or JsonValueKind.False => Says.That(nameof(DefinitionTexts.ValueBoolean), node.ToJsonString()),
            _ => node.ToJsonString(),
        },
    };

    public static string TypeName(DataType type) => type switch
    {
        DataType.DateTime => "dateTime",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static bool TryParseTypeName(string? name, out DataType type)
    {
        foreach (var candidate in Enum.GetValues<DataType>())
        {
            if (string.Equals(TypeName(candidate), name, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = DataType.Any;
        return false;
    }

    /// <summary>A JSON number as a decimal, whether the node came from parsed text or from a .NET value.</summary>
    public static bool TryGetNumber(JsonNode? node, out decimal number)
    {
        number = 0;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    public static string FormatNumber(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An expression could not be evaluated at run time (the instance faults with this reason).</summary>
public sealed class ExpressionException(string message) : Exception(message);
