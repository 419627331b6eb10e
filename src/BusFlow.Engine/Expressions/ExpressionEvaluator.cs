using System.Text;
using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Time;

namespace BusFlow.Engine.Expressions;

/// <summary>Evaluates a checked expression. Every result is a fresh JSON node that the caller may keep.</summary>
public static class ExpressionEvaluator
{
    public static JsonNode? Evaluate(Expression expression, IExpressionContext context) => expression switch
    {
        LiteralExpression literal => literal.Value?.DeepClone(),
        ReferenceExpression reference => context.Resolve(reference.Segments)?.DeepClone(),
        OffsetExpression offset => Offset(offset, context),
        NumberStepExpression step => Step(step, context),
        WorkingDayExpression working => WorkingDay(working, context),
        ComparisonExpression comparison => JsonValue.Create(Compare(comparison, context)),
        LogicalExpression logical => JsonValue.Create(Logic(logical, context)),
        TemplateExpression template => JsonValue.Create(Render(template, context)),
        ObjectExpression obj => new JsonObject(obj.Properties.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value, context)))),
        ListExpression list => new JsonArray(list.Items.Select(item => Evaluate(item, context)).ToArray()),
        _ => throw new ExpressionException($"unknown expression {expression.GetType().Name}"),
    };

    private static JsonNode Offset(OffsetExpression offset, IExpressionContext context)
    {
        var value = Evaluate(offset.Base, context);
        if (value is JsonValue text && text.TryGetValue<string>(out var s) && Values.TryParseDate(s, out var date) && !offset.Offset.HasTimeComponent)
        {
            return Values.FromDate(date.Plus(offset.Offset));
        }

        // An instant is moved on the local calendar of the zone, so "P1M" is a month in Stockholm, not 30×24 h of UTC.
        var instant = Values.ToInstant(value);
        var local = instant.InZone(context.Zone).LocalDateTime.Plus(offset.Offset);
        return Values.FromInstant(local.InZoneLeniently(context.Zone).ToInstant());
    }

    private static JsonNode? WorkingDay(WorkingDayExpression working, IExpressionContext context) =>
        Evaluate(working.Base, context) is { } value
            ? Values.FromDate(context.Calendar.OnOrNextWorkingDay(Values.ToDate(value)))
            : null;

    private static JsonNode Step(NumberStepExpression step, IExpressionContext context)
    {
        var value = Evaluate(step.Base, context);
        return Values.TryGetNumber(value, out var number)
            ? JsonValue.Create(number + step.Step)
            : throw new ExpressionException($"{Values.Describe(value)} is not a number, so it cannot be moved by {Values.FormatNumber(step.Step)}");
    }

    private static bool Compare(ComparisonExpression comparison, IExpressionContext context)
    {
        var left = Evaluate(comparison.Left, context);
        var right = Evaluate(comparison.Right, context);
        return comparison.Operator switch
        {
            ComparisonOperator.Equals => JsonNode.DeepEquals(left, right),
            ComparisonOperator.NotEquals => !JsonNode.DeepEquals(left, right),
            ComparisonOperator.In => Values.ToList(right).Any(item => JsonNode.DeepEquals(left, item)),
            ComparisonOperator.LessThan => Order(left, right) < 0,
            ComparisonOperator.GreaterThan => Order(left, right) > 0,
            _ => false,
        };
    }

    private static int Order(JsonNode? left, JsonNode? right)
    {
        if (Values.TryGetNumber(left, out var leftNumber) && Values.TryGetNumber(right, out var rightNumber))
        {
            return leftNumber.CompareTo(rightNumber);
        }

        var leftText = Values.ToText(left);
        var rightText = Values.ToText(right);
        if (Values.TryParseDate(leftText, out var leftDate) && Values.TryParseDate(rightText, out var rightDate))
        {
            return leftDate.CompareTo(rightDate);
        }

        if (Values.TryParseInstant(leftText, out var leftInstant) && Values.TryParseInstant(rightText, out var rightInstant))
        {
            return leftInstant.CompareTo(rightInstant);
        }

        throw new ExpressionException($"cannot order {Values.Describe(left)} and {Values.Describe(right)}: compare numbers, dates or instants");
    }

    private static bool Logic(LogicalExpression logical, IExpressionContext context) => logical.Operator switch
    {
        LogicalOperator.And => logical.Operands.All(o => Values.ToBoolean(Evaluate(o, context))),
        LogicalOperator.Or => logical.Operands.Any(o => Values.ToBoolean(Evaluate(o, context))),
        LogicalOperator.Not => !Values.ToBoolean(Evaluate(logical.Operands[0], context)),
        _ => false,
    };

    private static string Render(TemplateExpression template, IExpressionContext context)
    {
        var text = new StringBuilder();
        foreach (var part in template.Parts)
        {
            text.Append(part.Reference is null ? part.Text : Values.ToText(context.Resolve(part.Reference.Segments)));
        }

        return text.ToString();
    }

    /// <summary>Evaluates and checks the result against the type the property expects.</summary>
    public static JsonNode? EvaluateAs(Expression expression, DataType type, IExpressionContext context)
    {
        var value = Evaluate(expression, context);
        var problem = Values.CheckLiteral(value, type);
        return problem is null ? value : throw new ExpressionException(problem.ToString());
    }
}
