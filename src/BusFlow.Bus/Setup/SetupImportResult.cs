namespace BusFlow.Bus.Setup;

/// <summary>What importing a setup file found wrong (then nothing was saved) or changed.</summary>
public sealed record SetupImportResult(IReadOnlyList<SetupProblem> Problems, IReadOnlyList<string> Changes)
{
    public bool Succeeded => Problems.Count == 0;
}
