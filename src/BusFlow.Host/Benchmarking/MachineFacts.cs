namespace BusFlow.Host.Benchmarking;

/// <summary>What the figures were measured on.</summary>
public sealed record MachineFacts(int Cores, string OperatingSystem, string Runtime, string Database, string DatabaseVersion, string Durability, DateTimeOffset Date)
{
    /// <summary>The load averages of /proc/loadavg when the run began (1, 5, 15 minutes): other work on the machine shifts every figure.</summary>
    public string LoadAverage { get; init; } = "";
}
