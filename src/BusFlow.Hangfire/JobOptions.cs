using Hangfire;

namespace BusFlow.Hangfire;

/// <summary>Where Hangfire keeps its jobs and how often it looks for due ones.</summary>
public sealed class JobOptions
{
    public const string InMemory = "InMemory";
    public const string PostgreSql = "PostgreSql";

    /// <summary>
    /// <see cref="InMemory"/> (jobs are lost on restart; the pending timers are scheduled again at start)
    /// or <see cref="PostgreSql"/> (case-insensitive).
    /// </summary>
    public string Storage { get; set; } = InMemory;

    /// <summary>The Npgsql connection string for <see cref="PostgreSql"/>; by default the workflow storage's own.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How often the server moves scheduled jobs whose time has come to the queue: a timer fires at most
    /// this late (plus the queue's poll). One query a second per node; Hangfire's own 15 s made timers 15 s late.
    /// </summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often idle workers poll the PostgreSQL queue; by default <see cref="SchedulePollingInterval"/>.</summary>
    public TimeSpan? QueuePollInterval { get; set; }

    /// <summary>When the sweep fires every due timer that no job fired (a lost job, a clock change).</summary>
    public string SweepCron { get; set; } = Cron.Minutely();

    /// <summary>
    /// How long a job fetched by a node stays invisible to the others; the node keeps it invisible while
    /// it runs, so this is how soon the jobs of a node that died are taken up elsewhere.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When a lock taken in Hangfire's storage counts as abandoned. Hangfire holds its own locks for
    /// moments (BusFlow's jobs take none), so a node killed while holding one stalls the others this long at most.
    /// </summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many jobs run at once in this process.</summary>
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 5, 20);

    internal bool IsInMemory => string.Equals(Storage, InMemory, StringComparison.OrdinalIgnoreCase);

    internal bool IsPostgreSql => string.Equals(Storage, PostgreSql, StringComparison.OrdinalIgnoreCase);

    internal TimeSpan EffectiveQueuePollInterval => QueuePollInterval ?? SchedulePollingInterval;

    internal void Validate()
    {
        if (!IsInMemory && !IsPostgreSql)
        {
            throw new ArgumentException($"Unknown job storage '{Storage}': use '{InMemory}' or '{PostgreSql}'.");
        }

        if (SchedulePollingInterval <= TimeSpan.Zero || EffectiveQueuePollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("The job polling intervals must be positive.");
        }

        if (InvisibilityTimeout < TimeSpan.FromSeconds(5) || DistributedLockTimeout < TimeSpan.FromSeconds(5))
        {
            throw new ArgumentException("BusFlow:Jobs:InvisibilityTimeout and DistributedLockTimeout must be at least 5 seconds.");
        }

        if (WorkerCount < 1)
        {
            throw new ArgumentException("The job server needs at least one worker.");
        }

        if (string.IsNullOrWhiteSpace(SweepCron))
        {
            throw new ArgumentException("The timer sweep needs a cron expression.");
        }
    }
}
