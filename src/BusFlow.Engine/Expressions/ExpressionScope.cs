using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;

namespace BusFlow.Engine.Expressions;

/// <summary>What a reference may name at one place in a definition, for checking it at load time.</summary>
public sealed class ExpressionScope(
    IReadOnlyDictionary<string, DataType> inputs,
    IReadOnlyDictionary<string, DataType> variables,
    IReadOnlySet<string> activityIds)
{
    public IReadOnlyDictionary<string, DataType> Inputs { get; } = inputs;
    public IReadOnlyDictionary<string, DataType> Variables { get; } = variables;
    public IReadOnlySet<string> ActivityIds { get; } = activityIds;

    /// <summary>A scope that also sees a local variable, such as the item of a ForEach.</summary>
    public ExpressionScope WithLocal(string name, DataType type)
    {
        var variables = new Dictionary<string, DataType>(Variables, StringComparer.Ordinal) { [name] = type };
        return new ExpressionScope(Inputs, variables, ActivityIds);
    }

    /// <summary>The type a reference has, or the reason it names nothing.</summary>
    public (DataType Type, DefinitionMessage? Error) Resolve(string path)
    {
        var segments = path.Split('.');
        if (segments.Any(string.IsNullOrWhiteSpace))
        {
            return (DataType.Any, Says.That(nameof(DefinitionTexts.InvalidReference), path));
        }

        var nested = segments.Length > 2;
        switch (segments[0])
        {
            case "now" when segments.Length == 1:
                return (DataType.DateTime, null);
            case "today" when segments.Length == 1:
                return (DataType.Date, null);
            case "instance" when segments.Length == 2 && segments[1] is "id" or "correlationKey":
                return (DataType.String, null);
            case "input" when segments.Length >= 2:
                return Inputs.TryGetValue(segments[1], out var inputType)
                    ? (nested ? DataType.Any : inputType, null)
                    : (DataType.Any, Says.That(nameof(DefinitionTexts.UndeclaredInput), path, segments[1]));
            case "var" when segments.Length >= 2:
                return Variables.TryGetValue(segments[1], out var variableType)
                    ? (nested ? DataType.Any : variableType, null)
                    : (DataType.Any, Says.That(nameof(DefinitionTexts.UndeclaredVariable), path, segments[1]));
            case "output" when segments.Length >= 2:
                return ActivityIds.Contains(segments[1])
                    ? (DataType.Any, null)
                    : (DataType.Any, Says.That(nameof(DefinitionTexts.UnknownActivityReference), path, segments[1]));
            default:
                return (DataType.Any, Says.That(nameof(DefinitionTexts.NotAReference), path));
        }
    }
}
