using System.Globalization;
using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;

namespace BusFlow.Web.Pages.Tasks;

/// <summary>A fact a task's answer asks for (the decision's date, its §), as a form field in the page's language.</summary>
public sealed record FieldView(string Name, string Label, string InputType, string? Value)
{
    /// <summary>A document to attach: a file input, never given back a value.</summary>
    public bool IsFile => InputType == "file";

    public static IReadOnlyList<FieldView> Of(HumanTask task, JsonObject? given)
    {
        ArgumentNullException.ThrowIfNull(task);
        var swedish = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv";
        return [.. TaskAnswerSpec.Parse(task.AnswerSpecJson).Fields.Select(f => new FieldView(
            f.Name,
            swedish ? f.LabelSv : f.LabelEn,
            f.Type switch { "date" => "date", "number" => "number", AnswerField.DocumentType => "file", _ => "text" },
            f.IsDocument ? null : given?[f.Name]?.ToString()))];
    }
}
