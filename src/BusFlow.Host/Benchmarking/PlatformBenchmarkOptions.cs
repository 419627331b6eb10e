using BusFlow.Hangfire;
using BusFlow.Storage;

namespace BusFlow.Host.Benchmarking;

/// <summary>What one run of the platform benchmark measures, and how much of it.</summary>
public sealed record PlatformBenchmarkOptions(StorageOptions Storage, int Instances)
{
    public const string Engine = "engine";
    public const string Http = "http";
    public const string Commits = "commits";
    public const string Hangfire = "hangfire";
    public const string Mail = "mail";
    public const string Memory = "memory";
    public const string National = "national";
    public const string Preview = "preview";

    public static IReadOnlyList<string> Parts { get; } = [Engine, Http, Commits, Hangfire, Mail, Memory, National, Preview];

    /// <summary>How many clients run at once in the concurrent rounds (and PostgreSQL connections in its baseline).</summary>
    public int Clients { get; init; } = 4;

    /// <summary>The message templates: with them each start also writes its task mail, as a server does.</summary>
    public string? TemplatesFolder { get; init; }

    /// <summary>The parts not to run.</summary>
    public IReadOnlySet<string> Skip { get; init; } = new HashSet<string>();

    public double AnswersPerSecond { get; init; } = 50;

    public int LatencySeconds { get; init; } = 10;

    /// <summary>How long after its answer an HTTP instance's timer is due.</summary>
    public int TimerSeconds { get; init; } = 2;

    /// <summary>The host's Hangfire polling interval; null: the host's default.</summary>
    public TimeSpan? JobPolling { get; init; }

    /// <summary>The polling the jobs run with: <see cref="JobPolling"/>, else the host's default.</summary>
    public TimeSpan EffectiveJobPolling => JobPolling ?? new JobOptions().SchedulePollingInterval;

    public int CommitSeconds { get; init; } = 3;

    public int HangfireJobs { get; init; } = 1000;

    public int Mails { get; init; } = 500;

    public int MemoryInstances { get; init; } = 10_000;

    public int Municipalities { get; init; } = 3;

    /// <summary>How many years the national simulation runs, from 1 January 2026: 4 is a mandate (the renewal in its last year, then three of the next).</summary>
    public int Years { get; init; } = 4;

    /// <summary>The setup whose shape each simulated municipality copies.</summary>
    public string SetupFile { get; init; } = Bus.Demo.DemoMunicipality.File;

    public string WorkflowsFolder { get; init; } = "workflows";

    /// <summary>How many times the designer's preview is timed, after one run that warms up.</summary>
    public int PreviewRuns { get; init; } = 5;

    /// <summary>The link key of every part, the host's included: mail is sealed with it, so the mail part delivers what every part wrote.</summary>
    public IReadOnlyList<byte> LinkKey { get; init; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public bool Runs(string part) => !Skip.Contains(part);
}
