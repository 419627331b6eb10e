using System.Text.Json.Nodes;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Engine.Reminders;

/// <summary>
/// Reads a Task's "reminders" object from a definition, e.g.
/// <c>{ "workingDaysBefore": [14, 7, 2], "onDueDate": true, "everyWorkingDaysAfter": 3, "maxAfter": 2,
/// "escalateTo": ["ViceChair", "Secretary"], "window": { "start": "08:00", "end": "17:00" } }</c>.
/// Every property may be left out; the policy's defaults apply.
/// </summary>
public static class ReminderPolicyJson
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static readonly IReadOnlyList<string> PropertyNames =
        ["workingDaysBefore", "onDueDate", "everyWorkingDaysAfter", "maxAfter", "escalateTo", "window"];

    /// <summary>The policy's properties as a designer shows them: one field each.</summary>
    public static readonly IReadOnlyList<PropertySpec> Fields =
    [
        new("workingDaysBefore", PropertyKind.Literal, DataType.List, Description: "Working days before the due date a reminder goes out, e.g. 14, 7, 2."),
        new("onDueDate", PropertyKind.Literal, DataType.Boolean, Description: "A reminder on the due date itself."),
        new("everyWorkingDaysAfter", PropertyKind.Literal, DataType.Integer, Description: "After the due date, a reminder every so many working days."),
        new("maxAfter", PropertyKind.Literal, DataType.Integer, Description: "How many reminders after the due date before escalating (0–50)."),
        new("escalateTo", PropertyKind.Literal, DataType.List, Description: "Whom to tell when nobody answers: roles of the task's own board (ViceChair, Secretary) or scope/Role."),
        new("window", PropertyKind.Literal, DataType.Object, Description: "The hours reminders go out: { \"start\": \"08:00\", \"end\": \"17:00\" }."),
    ];

    /// <summary>The policy, or the mistakes found: each with its path below "reminders" and a reason.</summary>
    public static ReminderPolicy Read(JsonObject json, ValidationReporter report)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(report);
        var policy = ReminderPolicy.Default;
        foreach (var (name, _) in json)
        {
            if (!PropertyNames.Contains(name, StringComparer.Ordinal))
            {
                report(name, Says.That(nameof(DefinitionTexts.UnknownReminderProperty), string.Join(", ", PropertyNames)));
            }
        }

        if (json["workingDaysBefore"] is { } before)
        {
            var days = new List<int>();
            if (before is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (WholeNumber(list[i]) is { } d and > 0 and <= 260)
                    {
                        days.Add(d);
                    }
                    else
                    {
                        report($"workingDaysBefore[{i}]", Says.That(nameof(DefinitionTexts.WorkingDaysBeforeItem)));
                    }
                }
            }
            else
            {
                report("workingDaysBefore", Says.That(nameof(DefinitionTexts.WorkingDaysBeforeList)));
            }

            policy = policy with { WorkingDaysBefore = days };
        }

        if (json["onDueDate"] is { } onDue)
        {
            if (onDue is JsonValue v && v.TryGetValue<bool>(out var flag))
            {
                policy = policy with { OnDueDate = flag };
            }
            else
            {
                report("onDueDate", Says.That(nameof(DefinitionTexts.TrueOrFalse)));
            }
        }

        if (json["everyWorkingDaysAfter"] is { } every)
        {
            if (WholeNumber(every) is { } n and >= 0 and <= 260)
            {
                policy = policy with { EveryWorkingDaysAfter = n };
            }
            else
            {
                report("everyWorkingDaysAfter", Says.That(nameof(DefinitionTexts.EveryWorkingDaysAfter)));
            }
        }

        if (json["maxAfter"] is { } max)
        {
            if (WholeNumber(max) is { } n and >= 0 and <= 50)
            {
                policy = policy with { MaxAfter = n };
            }
            else
            {
                report("maxAfter", Says.That(nameof(DefinitionTexts.MaxAfter)));
            }
        }

        if (json["escalateTo"] is { } escalate)
        {
            var roles = new List<string>();
            if (escalate is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonValue r && r.TryGetValue<string>(out var role) && !string.IsNullOrWhiteSpace(role))
                    {
                        roles.Add(role);
                    }
                    else
                    {
                        report($"escalateTo[{i}]", Says.That(nameof(DefinitionTexts.EscalateToItem)));
                    }
                }
            }
            else
            {
                report("escalateTo", Says.That(nameof(DefinitionTexts.EscalateToList)));
            }

            policy = policy with { EscalateTo = roles };
        }

        if (json["window"] is { } window)
        {
            policy = ReadWindow(window, policy, report);
        }

        return policy;
    }

    /// <summary>The policy of a task as stored with it; the stored JSON was checked when the definition was published.</summary>
    public static ReminderPolicy Parse(string json) =>
        Read(JsonNode.Parse(json) as JsonObject ?? [], (path, reason) => throw new FormatException($"reminders.{path}: {reason}"));

    private static ReminderPolicy ReadWindow(JsonNode window, ReminderPolicy policy, ValidationReporter report)
    {
        if (window is not JsonObject times)
        {
            report("window", Says.That(nameof(DefinitionTexts.WindowObject)));
            return policy;
        }

        var start = Time(times, "start") ?? policy.WindowStart;
        var end = Time(times, "end") ?? policy.WindowEnd;
        if (end <= start)
        {
            report("window", Says.That(nameof(DefinitionTexts.WindowEndsAfterStart), TimePattern.Format(start), TimePattern.Format(end)));
            return policy;
        }

        return policy with { WindowStart = start, WindowEnd = end };

        LocalTime? Time(JsonObject obj, string name)
        {
            if (obj[name] is null)
            {
                return null;
            }

            var text = obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var parsed = text is null ? null : TimePattern.Parse(text);
            if (parsed is { Success: true })
            {
                return parsed.Value;
            }

            report($"window.{name}", Says.That(nameof(DefinitionTexts.WindowTime)));
            return null;
        }
    }

    private static int? WholeNumber(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<int>(out var n) ? n
        : node is JsonValue d && d.TryGetValue<double>(out var x) && x == Math.Floor(x) && x is >= int.MinValue and <= int.MaxValue ? (int)x
        : null;
}
