using BusFlow.Bus.Setup;

namespace BusFlow.Host.Simulation;

/// <summary>The setup file of a simulation has mistakes, each with its line: nothing was imported or run.</summary>
public sealed class SetupRejectedException(IReadOnlyList<SetupProblem> problems)
    : Exception($"The setup file has {problems.Count} problem(s).")
{
    public IReadOnlyList<SetupProblem> Problems { get; } = problems;
}
