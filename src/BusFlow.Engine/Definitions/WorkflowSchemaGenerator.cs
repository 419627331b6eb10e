using System.Text.Json.Nodes;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Expressions;

namespace BusFlow.Engine.Definitions;

/// <summary>
/// The JSON Schema (draft 2020-12) of definition files, generated from the registered activity types
/// so that editors complete and check definitions exactly as the loader reads them. The loader stays
/// the authority: the schema is a help for authors, not a second validator.
/// </summary>
public static class WorkflowSchemaGenerator
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private const string ActivityRef = "#/$defs/activity";
    private const string ExpressionRef = "#/$defs/expression";
    private static readonly string NamePattern = DefinitionLoader.NamePattern().ToString();
    private const string DurationPattern = @"^-?P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?$";
    private const string TimePattern = @"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$";

    public static JsonObject Generate(ActivityRegistry registry)
    {
        var types = registry.Types.Select(t => t.Descriptor).OrderBy(d => d.Type, StringComparer.Ordinal).ToList();
        var definitions = new JsonObject
        {
            ["input"] = InputDeclaration(),
            ["variable"] = VariableDeclaration(),
            ["activity"] = new JsonObject
            {
                ["description"] = "One activity: the 'type' names which one.",
                ["oneOf"] = Nodes(types.Select(d => Ref(ActivityDefinitionName(d.Type)))),
            },
        };
        foreach (var descriptor in types)
        {
            definitions[ActivityDefinitionName(descriptor.Type)] = Activity(descriptor);
        }

        definitions["expression"] = Expression();
        return new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = "BusFlow workflow definition",
            ["description"] = "A workflow definition file. Generated from the activity registry by 'busflow schema'.",
            ["type"] = "object",
            ["required"] = Strings("id", "version", "name", "root"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["$schema"] = Described(new JsonObject { ["type"] = "string" }, "The schema this file follows, for editors."),
                ["id"] = Described(new JsonObject { ["type"] = "string", ["pattern"] = DefinitionLoader.DefinitionIdPattern().ToString() },
                    "The definition's id: lower-case letters, digits and hyphens, e.g. spring-review."),
                ["version"] = Described(new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
                    "A whole number from 1 up; a published version never changes, so a change is published as a higher version."),
                ["name"] = Described(new JsonObject { ["type"] = "string", ["minLength"] = 1 }, "The name people see."),
                ["description"] = Described(new JsonObject { ["type"] = "string" }, "What the workflow is for."),
                ["inputs"] = Described(new JsonObject { ["type"] = "array", ["items"] = Ref("input") }, "The values an instance is started with."),
                ["variables"] = Described(new JsonObject { ["type"] = "array", ["items"] = Ref("variable") }, "The values the activities read and write."),
                ["root"] = Described(new JsonObject { ["$ref"] = ActivityRef }, "The activity the workflow runs."),
            },
            ["$defs"] = definitions,
        };
    }

    /// <summary>The JSON Schema of a value of a data type, as the loader checks literals of it.</summary>
    public static JsonObject ForDataType(DataType type) => type switch
    {
        DataType.String => new JsonObject { ["type"] = "string" },
        DataType.Number => new JsonObject { ["type"] = "number" },
        DataType.Integer => new JsonObject { ["type"] = "integer" },
        DataType.Boolean => new JsonObject { ["type"] = "boolean" },
        DataType.Date => new JsonObject { ["type"] = "string", ["format"] = "date" },
        DataType.DateTime => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        DataType.Duration => new JsonObject { ["type"] = "string", ["pattern"] = DurationPattern },
        DataType.Time => new JsonObject { ["type"] = "string", ["pattern"] = TimePattern },
        DataType.List => new JsonObject { ["type"] = "array" },
        DataType.Object => new JsonObject { ["type"] = "object" },
        _ => [],
    };

    private static string ActivityDefinitionName(string type) => $"{type}Activity";

    private static JsonObject Activity(ActivityDescriptor descriptor)
    {
        var properties = new JsonObject
        {
            ["type"] = new JsonObject { ["const"] = descriptor.Type },
            ["id"] = Described(new JsonObject { ["type"] = "string", ["pattern"] = NamePattern },
                "Unique in the definition; other activities read this one's result as output.<id>."),
            ["displayName"] = Described(new JsonObject { ["type"] = "string" }, "The name people see for this step."),
        };
        foreach (var property in descriptor.Properties)
        {
            properties[property.Name] = Described(Property(property), property.Description);
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = descriptor.Description,
            ["required"] = Strings(new[] { "type", "id" }.Concat(descriptor.Properties.Where(p => p.Required).Select(p => p.Name))),
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    private static JsonObject Property(PropertySpec property) => property.Kind switch
    {
        PropertyKind.Activity => new JsonObject { ["$ref"] = ActivityRef },
        PropertyKind.Activities => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = ActivityRef } },
        PropertyKind.ActivityMap => new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["$ref"] = ActivityRef } },
        PropertyKind.Expression => new JsonObject { ["anyOf"] = Nodes(Literal(property), new JsonObject { ["$ref"] = ExpressionRef }) },
        PropertyKind.Literal => Literal(property),
        PropertyKind.VariableName => new JsonObject { ["type"] = "string", ["pattern"] = NamePattern },
        _ => [],
    };

    private static JsonObject Literal(PropertySpec property)
    {
        var schema = ForDataType(property.Type);
        if (property.AllowedValues is { } allowed)
        {
            schema["enum"] = Strings(allowed);
        }

        return schema;
    }

    private static JsonObject InputDeclaration() => new()
    {
        ["type"] = "object",
        ["description"] = "An input of the workflow.",
        ["required"] = Strings("name", "type"),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["name"] = Described(new JsonObject { ["type"] = "string", ["pattern"] = NamePattern }, "Read as input.<name>."),
            ["type"] = TypeName(),
            ["required"] = Described(new JsonObject { ["type"] = "boolean" }, "Whether a start must give it. Default: false."),
            ["default"] = Described([], "The value when a start does not give one."),
            ["description"] = Described(new JsonObject { ["type"] = "string" }, "What the input means."),
        },
    };

    private static JsonObject VariableDeclaration() => new()
    {
        ["type"] = "object",
        ["description"] = "A variable of the workflow.",
        ["required"] = Strings("name", "type"),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["name"] = Described(new JsonObject { ["type"] = "string", ["pattern"] = NamePattern }, "Read as var.<name>."),
            ["type"] = TypeName(),
            ["default"] = Described([], "The value it starts with."),
            ["description"] = Described(new JsonObject { ["type"] = "string" }, "What the variable holds."),
        },
    };

    private static JsonObject TypeName() => new()
    {
        ["description"] = "The value's type.",
        ["enum"] = Strings(Enum.GetValues<DataType>().Select(Values.TypeName)),
    };

    /// <summary>The operator objects of an expression; literals stand beside them wherever an expression may.</summary>
    private static JsonObject Expression()
    {
        var comparisonOperand = new JsonObject
        {
            ["anyOf"] = Nodes(new JsonObject { ["$ref"] = ExpressionRef }, new JsonObject { ["type"] = Strings("string", "number", "boolean", "array", "null") }),
        };
        var booleanOperand = new JsonObject
        {
            ["anyOf"] = Nodes(new JsonObject { ["$ref"] = ExpressionRef }, new JsonObject { ["type"] = "boolean" }),
        };
        var duration = ForDataType(DataType.Duration);
        var reference = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "A reference: input.<name>, var.<name>, output.<activityId>, instance.id, instance.correlationKey, now or today; a date or instant may be moved with plus or minus, and a date then on to the next working day with onWorkingDay.",
            ["required"] = Strings("ref"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["ref"] = new JsonObject { ["type"] = "string" },
                ["plus"] = Described(duration.DeepClone().AsObject(), "An ISO-8601 duration added, e.g. P14D."),
                ["minus"] = Described(duration.DeepClone().AsObject(), "An ISO-8601 duration subtracted, e.g. P9M."),
                ["onWorkingDay"] = new JsonObject { ["type"] = "boolean", ["description"] = "true: a date on a Saturday, Sunday or public holiday moves on to the next working day (lag 1930:173), after any plus or minus." },
            },
            ["not"] = new JsonObject { ["required"] = Strings("plus", "minus") },
        };
        var operators = new JsonArray { reference };
        foreach (var comparison in new[] { "equals", "notEquals", "in", "lessThan", "greaterThan" })
        {
            operators.Add(Operator(comparison, new JsonObject
            {
                ["type"] = "array",
                ["minItems"] = 2,
                ["maxItems"] = 2,
                ["items"] = comparisonOperand.DeepClone(),
            }));
        }

        foreach (var logical in new[] { "and", "or" })
        {
            operators.Add(Operator(logical, new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = booleanOperand.DeepClone() }));
        }

        operators.Add(Operator("not", booleanOperand.DeepClone().AsObject()));
        return new JsonObject
        {
            ["description"] = "An expression object: a reference, a comparison of two operands, or and/or/not of boolean operands.",
            ["oneOf"] = operators,
        };
    }

    private static JsonObject Operator(string name, JsonObject operand) => new()
    {
        ["type"] = "object",
        ["required"] = Strings(name),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject { [name] = operand },
    };

    private static JsonObject Ref(string definition) => new() { ["$ref"] = $"#/$defs/{definition}" };

    private static JsonObject Described(JsonObject schema, string description)
    {
        if (!string.IsNullOrEmpty(description))
        {
            schema["description"] = description;
        }

        return schema;
    }

    private static JsonArray Nodes(params IEnumerable<JsonNode?> items) => new([.. items]);

    private static JsonArray Strings(params IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);
}
