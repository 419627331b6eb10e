using BusFlow.Testing;

namespace BusFlow.Bus.Tests.Setup;

/// <summary>The example setup files shipped in examples/.</summary>
internal static class SetupExamples
{
    public const string SpringAndAutumn = "angsby-spring-and-autumn.yaml";
    public const string YearlyFollowUp = "strandvik-yearly-follow-up.yaml";
    public const string BroadCollaboration = "bergdala-broad-collaboration.yaml";

    /// <summary>The demo: a snapshot with its history, so imported as the demo is, not on <see cref="SetupStore.Today"/>.</summary>
    public const string Demo = "exempelby-demo.yaml";

    public static TheoryData<string> All { get; } = [SpringAndAutumn, YearlyFollowUp, BroadCollaboration];

    public static TheoryData<string> AllWithTheDemo { get; } = [SpringAndAutumn, YearlyFollowUp, BroadCollaboration, Demo];

    public static string PathOf(string name) => Path.Combine(RepositoryRoot.Path, "examples", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>The file name as problems name it: relative to the repository, as a user at its root types it.</summary>
    public static string Shown(string name) => $"examples/{name}";
}
