namespace BusFlow.Host.Benchmarking;

/// <summary>The pages timed with a given number of workflow instances in the database.</summary>
public sealed record ViewStage(string Name, int Instances, IReadOnlyList<ViewTiming> Views);
