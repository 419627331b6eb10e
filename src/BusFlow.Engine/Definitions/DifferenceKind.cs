namespace BusFlow.Engine.Definitions;

/// <summary>What changed between two versions of a definition.</summary>
public enum DifferenceKind
{
    NameChanged,
    DescriptionChanged,
    InputAdded,
    InputRemoved,
    InputChanged,
    VariableAdded,
    VariableRemoved,
    VariableChanged,
    StepAdded,
    StepRemoved,
    StepMoved,
    SettingChanged,
}
