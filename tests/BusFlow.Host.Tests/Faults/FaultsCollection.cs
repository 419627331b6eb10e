namespace BusFlow.Host.Tests.Faults;

/// <summary>
/// The fault tests run one after the other, never beside each other: each starts several processes
/// and measures how soon mail and timers resume, which two at once on two cores would blur.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";

    /// <summary>The trait that picks them out: dotnet test --filter Category=Faults.</summary>
    public const string Category = "Category";
}
