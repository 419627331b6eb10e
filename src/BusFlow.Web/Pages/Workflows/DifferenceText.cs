using BusFlow.Engine.Definitions;
using BusFlow.Web.Resources;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>A difference between two versions in the page's language.</summary>
public static class DifferenceText
{
    public static string Kind(DifferenceKind kind) => kind switch
    {
        DifferenceKind.NameChanged => Strings.WorkflowCompare_Kind_NameChanged,
        DifferenceKind.DescriptionChanged => Strings.WorkflowCompare_Kind_DescriptionChanged,
        DifferenceKind.InputAdded => Strings.WorkflowCompare_Kind_InputAdded,
        DifferenceKind.InputRemoved => Strings.WorkflowCompare_Kind_InputRemoved,
        DifferenceKind.InputChanged => Strings.WorkflowCompare_Kind_InputChanged,
        DifferenceKind.VariableAdded => Strings.WorkflowCompare_Kind_VariableAdded,
        DifferenceKind.VariableRemoved => Strings.WorkflowCompare_Kind_VariableRemoved,
        DifferenceKind.VariableChanged => Strings.WorkflowCompare_Kind_VariableChanged,
        DifferenceKind.StepAdded => Strings.WorkflowCompare_Kind_StepAdded,
        DifferenceKind.StepRemoved => Strings.WorkflowCompare_Kind_StepRemoved,
        DifferenceKind.StepMoved => Strings.WorkflowCompare_Kind_StepMoved,
        DifferenceKind.SettingChanged => Strings.WorkflowCompare_Kind_SettingChanged,
        _ => kind.ToString(),
    };

    /// <summary>The step, input or variable, a step with its kind ("approve (Uppgift)").</summary>
    public static string Subject(DefinitionDifference difference) => difference.ActivityType is { } type
        ? $"{difference.Subject} ({Diagrams.WorkflowDiagramSvg.KindOf(type)})"
        : difference.Subject;

    public static string Value(string? value) => value ?? Strings.WorkflowCompare_Nothing;
}
