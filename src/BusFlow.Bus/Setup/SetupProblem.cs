namespace BusFlow.Bus.Setup;

/// <summary>One mistake in a setup file: "examples/x.yaml:42: boards[2].code: duplicate code \"SN\"".</summary>
public sealed record SetupProblem(string File, int Line, string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Path}: {Message}";
}
