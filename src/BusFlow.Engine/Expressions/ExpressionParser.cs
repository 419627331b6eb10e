using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;

namespace BusFlow.Engine.Expressions;

/// <summary>Parses and checks expressions at load time; each mistake is reported with its JSON path.</summary>
public static partial class ExpressionParser
{
    private static readonly Dictionary<string, ComparisonOperator> Comparisons = new(StringComparer.Ordinal)
    {
        ["equals"] = ComparisonOperator.Equals,
        ["notEquals"] = ComparisonOperator.NotEquals,
        ["in"] = ComparisonOperator.In,
        ["lessThan"] = ComparisonOperator.LessThan,
        ["greaterThan"] = ComparisonOperator.GreaterThan,
    };

    private static readonly Dictionary<string, LogicalOperator> Logicals = new(StringComparer.Ordinal)
    {
        ["and"] = LogicalOperator.And,
        ["or"] = LogicalOperator.Or,
        ["not"] = LogicalOperator.Not,
    };

    public delegate void ErrorSink(string jsonPath, DefinitionMessage message);

    public static Expression Parse(JsonNode? node, DataType expected, ExpressionScope scope, string path, ErrorSink error)
    {
        var expression = ParseAny(node, expected, scope, path, error);
        if (!IsAssignable(expression.Type, expected))
        {
            error(path, Says.That(nameof(DefinitionTexts.ExpectedTypeButGives), Values.TypeName(expected), Values.TypeName(expression.Type)));
        }

        return expression;
    }

    private static Expression ParseAny(JsonNode? node, DataType expected, ExpressionScope scope, string path, ErrorSink error)
    {
        switch (node)
        {
            case JsonObject obj when IsOperator(obj):
                return ParseOperator(obj, scope, path, error);
            case JsonObject obj when expected is DataType.Object or DataType.Any:
                return new ObjectExpression(obj.ToDictionary(
                    p => p.Key,
                    p => ParseAny(p.Value, DataType.Any, scope, $"{path}.{p.Key}", error),
                    StringComparer.Ordinal));
            case JsonArray array when expected is DataType.List or DataType.Any:
                return new ListExpression(array.Select((item, i) => ParseAny(item, DataType.Any, scope, $"{path}[{i}]", error)).ToList());
            case JsonValue value when value.GetValueKind() == JsonValueKind.String
                                      && IsTextual(expected)
                                      && value.GetValue<string>().Contains("{{", StringComparison.Ordinal):
                return ParseTemplate(value.GetValue<string>(), scope, path, error);
            default:
                var problem = Values.CheckLiteral(node, expected);
                if (problem is not null)
                {
                    error(path, problem);
                }

                return new LiteralExpression(node?.DeepClone(), expected == DataType.Any ? InferType(node) : expected);
        }
    }

    private static bool IsOperator(JsonObject obj) =>
        obj.ContainsKey("ref") || obj.Any(p => Comparisons.ContainsKey(p.Key) || Logicals.ContainsKey(p.Key));

    private static Expression ParseOperator(JsonObject obj, ExpressionScope scope, string path, ErrorSink error)
    {
        if (obj.ContainsKey("ref"))
        {
            return ParseReference(obj, scope, path, error);
        }

        var key = obj.First().Key;
        if (obj.Count != 1)
        {
            error(path, Says.That(nameof(DefinitionTexts.OneOperatorOnly), string.Join(", ", obj.Select(p => p.Key))));
        }

        if (Logicals.TryGetValue(key, out var logical))
        {
            var operands = logical == LogicalOperator.Not
                ? [Parse(obj[key], DataType.Boolean, scope, $"{path}.not", error)]
                : ParseOperands(obj[key], DataType.Boolean, scope, $"{path}.{key}", error, minimum: 1);
            return new LogicalExpression(logical, operands);
        }

        var comparison = Comparisons[key];
        var pair = ParseOperands(obj[key], DataType.Any, scope, $"{path}.{key}", error, minimum: 2);
        if (pair.Count != 2)
        {
            error($"{path}.{key}", Says.That(nameof(DefinitionTexts.ComparisonTakesTwo)));
            return new LiteralExpression(JsonValue.Create(false), DataType.Boolean);
        }

        if (comparison == ComparisonOperator.In && pair[1].Type is not (DataType.List or DataType.Any))
        {
            error($"{path}.in[1]", Says.That(nameof(DefinitionTexts.InNeedsList)));
        }

        return new ComparisonExpression(comparison, pair[0], pair[1]);
    }

    private static List<Expression> ParseOperands(JsonNode? node, DataType type, ExpressionScope scope, string path, ErrorSink error, int minimum)
    {
        if (node is not JsonArray array || array.Count < minimum)
        {
            error(path, Says.That(nameof(DefinitionTexts.ExpectedOperandList), minimum));
            return [];
        }

        return array.Select((item, i) => Parse(item, type, scope, $"{path}[{i}]", error)).ToList();
    }

    private static Expression ParseReference(JsonObject obj, ExpressionScope scope, string path, ErrorSink error)
    {
        foreach (var unknown in obj.Where(p => p.Key is not ("ref" or "plus" or "minus" or "onWorkingDay")))
        {
            error($"{path}.{unknown.Key}", Says.That(nameof(DefinitionTexts.UnknownReferenceKey), unknown.Key));
        }

        var moved = ParseMovedReference(obj, scope, path, error);
        if (!obj.ContainsKey("onWorkingDay"))
        {
            return moved;
        }

        if (obj["onWorkingDay"] is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            error($"{path}.onWorkingDay", Says.That(nameof(DefinitionTexts.OnWorkingDayIsBoolean)));
            return moved;
        }

        if (!flag.GetValue<bool>())
        {
            return moved;
        }

        if (moved.Type is not (DataType.Date or DataType.Any))
        {
            error($"{path}.onWorkingDay", Says.That(nameof(DefinitionTexts.OnlyDateToWorkingDay), obj["ref"]?.ToString(), Values.TypeName(moved.Type)));
            return moved;
        }

        return new WorkingDayExpression(moved);
    }

    private static Expression ParseMovedReference(JsonObject obj, ExpressionScope scope, string path, ErrorSink error)
    {
        if (obj["ref"] is not JsonValue refValue || refValue.GetValueKind() != JsonValueKind.String)
        {
            error($"{path}.ref", Says.That(nameof(DefinitionTexts.RefMustBeText)));
            return new LiteralExpression(null, DataType.Any);
        }

        var reference = ResolveReference(refValue.GetValue<string>(), scope, $"{path}.ref", error);
        if (obj.ContainsKey("plus") && obj.ContainsKey("minus"))
        {
            error(path, Says.That(nameof(DefinitionTexts.PlusOrMinus)));
            return reference;
        }

        var offsetKey = obj.ContainsKey("plus") ? "plus" : obj.ContainsKey("minus") ? "minus" : null;
        if (offsetKey is null)
        {
            return reference;
        }

        if (obj[offsetKey] is JsonValue step && step.GetValueKind() == JsonValueKind.Number)
        {
            return ParseNumberStep(reference, step, offsetKey, path, error);
        }

        var offsetText = obj[offsetKey] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (offsetText is null || !Values.TryParseDuration(offsetText, out var period))
        {
            error($"{path}.{offsetKey}", Says.That(nameof(DefinitionTexts.NotADurationOffset), offsetText ?? obj[offsetKey]?.ToJsonString()));
            return reference;
        }

        if (reference.Type is not (DataType.Date or DataType.DateTime or DataType.Any))
        {
            error($"{path}.{offsetKey}", Says.That(nameof(DefinitionTexts.OnlyDateOrInstantMoved), reference.Path, Values.TypeName(reference.Type)));
        }
        else if (reference.Type == DataType.Date && period.HasTimeComponent)
        {
            error($"{path}.{offsetKey}", Says.That(nameof(DefinitionTexts.DateMovedByWholeDays), offsetText));
        }

        return new OffsetExpression(reference, offsetKey == "minus" ? -period : period);
    }

    /// <summary>A number moved by a number: {"ref": "var.sequence", "plus": 1}.</summary>
    private static Expression ParseNumberStep(ReferenceExpression reference, JsonValue step, string offsetKey, string path, ErrorSink error)
    {
        if (reference.Type is not (DataType.Integer or DataType.Number or DataType.Any))
        {
            error($"{path}.{offsetKey}", Says.That(nameof(DefinitionTexts.OnlyNumberMovedByNumber), reference.Path, Values.TypeName(reference.Type)));
            return reference;
        }

        var amount = step.GetValue<decimal>();
        return new NumberStepExpression(reference, offsetKey == "minus" ? -amount : amount);
    }

    private static ReferenceExpression ResolveReference(string text, ExpressionScope scope, string path, ErrorSink error)
    {
        var (type, problem) = scope.Resolve(text.Trim());
        if (problem is not null)
        {
            error(path, problem);
        }

        return new ReferenceExpression(text.Trim(), type);
    }

    private static TemplateExpression ParseTemplate(string text, ExpressionScope scope, string path, ErrorSink error)
    {
        var parts = new List<TemplatePart>();
        var position = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            if (match.Index > position)
            {
                parts.Add(new TemplatePart(text[position..match.Index], null));
            }

            parts.Add(new TemplatePart(null, ResolveReference(match.Groups[1].Value, scope, path, error)));
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            parts.Add(new TemplatePart(text[position..], null));
        }

        if (parts.Any(p => p.Text?.Contains("{{", StringComparison.Ordinal) == true))
        {
            error(path, Says.That(nameof(DefinitionTexts.UnclosedPlaceholder)));
        }

        return new TemplateExpression(parts);
    }

    /// <summary>Types written as text, which a template may build: "{{ var.year }}-03-01" is a date.</summary>
    private static bool IsTextual(DataType type) =>
        type is DataType.String or DataType.Any or DataType.Date or DataType.DateTime or DataType.Duration or DataType.Time;

    private static DataType InferType(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => DataType.String,
        JsonValueKind.Number => DataType.Number,
        JsonValueKind.True or JsonValueKind.False => DataType.Boolean,
        JsonValueKind.Array => DataType.List,
        JsonValueKind.Object => DataType.Object,
        _ => DataType.Any,
    };

    /// <summary>Whether a value of one type may stand where another is expected.</summary>
    public static bool IsAssignable(DataType actual, DataType expected) =>
        actual == expected
        || expected == DataType.Any
        || actual == DataType.Any
        || (expected == DataType.Number && actual == DataType.Integer)
        || (expected == DataType.String && actual is not (DataType.List or DataType.Object))
        // Text literals are checked by their content (dates, durations, times are ISO text).
        || (actual == DataType.String && expected is DataType.Date or DataType.DateTime or DataType.Duration or DataType.Time);

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
