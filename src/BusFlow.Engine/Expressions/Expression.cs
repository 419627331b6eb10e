using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using NodaTime;

namespace BusFlow.Engine.Expressions;

/// <summary>
/// The few declarative expressions a definition may use: a literal, a reference to an input,
/// a variable or an activity's output, a date plus or minus a period, comparisons and logic,
/// and text with {{ references }}.
/// </summary>
public abstract record Expression(DataType Type);

public sealed record LiteralExpression(JsonNode? Value, DataType LiteralType) : Expression(LiteralType);

/// <summary>"input.x", "var.x", "output.activityId.field", "now", "today", "instance.id".</summary>
public sealed record ReferenceExpression(string Path, DataType ReferenceType) : Expression(ReferenceType)
{
    public IReadOnlyList<string> Segments { get; } = Path.Split('.');
}

/// <summary>A date or instant moved by a period: {"ref": "input.end", "minus": "P9M"}.</summary>
public sealed record OffsetExpression(Expression Base, Period Offset) : Expression(Base.Type);

/// <summary>
/// A date, after any plus or minus, moved on to the next working day when it falls on a Saturday,
/// Sunday or public holiday (lag 1930:173): {"ref": "input.end", "minus": "P1M", "onWorkingDay": true}.
/// </summary>
public sealed record WorkingDayExpression(Expression Base) : Expression(DataType.Date);

/// <summary>A number plus or minus a number: {"ref": "var.sequence", "plus": 1}.</summary>
public sealed record NumberStepExpression(Expression Base, decimal Step) : Expression(Base.Type == DataType.Integer && Step % 1 == 0 ? DataType.Integer : DataType.Number);

public enum ComparisonOperator
{
    Equals,
    NotEquals,
    In,
    LessThan,
    GreaterThan,
}

public sealed record ComparisonExpression(ComparisonOperator Operator, Expression Left, Expression Right) : Expression(DataType.Boolean);

public enum LogicalOperator
{
    And,
    Or,
    Not,
}

public sealed record LogicalExpression(LogicalOperator Operator, IReadOnlyList<Expression> Operands) : Expression(DataType.Boolean);

/// <summary>Text in which each {{ path }} is replaced by the referenced value.</summary>
public sealed record TemplateExpression(IReadOnlyList<TemplatePart> Parts) : Expression(DataType.String);

public sealed record TemplatePart(string? Text, ReferenceExpression? Reference);

public sealed record ObjectExpression(IReadOnlyDictionary<string, Expression> Properties) : Expression(DataType.Object);

public sealed record ListExpression(IReadOnlyList<Expression> Items) : Expression(DataType.List);
