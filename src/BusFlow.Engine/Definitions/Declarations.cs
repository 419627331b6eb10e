using System.Text.Json.Nodes;

namespace BusFlow.Engine.Definitions;

public sealed record InputDeclaration(string Name, DataType Type, bool Required, JsonNode? Default, string? Description);

public sealed record VariableDeclaration(string Name, DataType Type, JsonNode? Default);

/// <summary>
/// Checks given values against declarations (a definition's inputs, a signal's facts): each required
/// one is there, each has its type, nothing undeclared came; defaults fill in what was left out.
/// </summary>
public static class DeclaredValues
{
    public static (JsonObject Values, IReadOnlyList<(string Name, DefinitionMessage Message)> Problems) Check(
        IReadOnlyList<InputDeclaration> declared, JsonObject? given, Func<string, DefinitionMessage> missing, Func<string, DefinitionMessage> undeclared)
    {
        var values = new JsonObject();
        var problems = new List<(string Name, DefinitionMessage Message)>();
        foreach (var declaration in declared)
        {
            var value = given?[declaration.Name]?.DeepClone() ?? declaration.Default?.DeepClone();
            if (value is null && declaration.Required)
            {
                problems.Add((declaration.Name, missing(declaration.Name)));
                continue;
            }

            if (Expressions.Values.CheckLiteral(value, declaration.Type) is { } problem)
            {
                problems.Add((declaration.Name, problem));
            }

            values[declaration.Name] = value;
        }

        foreach (var extra in given?.Where(p => declared.All(d => d.Name != p.Key)) ?? [])
        {
            problems.Add((extra.Key, undeclared(extra.Key)));
        }

        return (values, problems);
    }
}
