using System.Globalization;

namespace BusFlow.Host.Benchmarking;

/// <summary>The targets of issue 15, each held against the figures of the same run; ratios are of the baselines measured in it.</summary>
internal static class BenchmarkTargets
{
    private const int NationalMunicipalities = 290;

    public static IReadOnlyList<BenchmarkTarget> Of(IReadOnlyList<BenchmarkSection> sections)
    {
        var engine = Find(sections, PlatformBenchmarkOptions.Engine);
        var commits = Find(sections, PlatformBenchmarkOptions.Commits);
        var hangfire = Find(sections, PlatformBenchmarkOptions.Hangfire);
        var http = Find(sections, PlatformBenchmarkOptions.Http);
        var memory = Find(sections, PlatformBenchmarkOptions.Memory);
        var mail = Find(sections, PlatformBenchmarkOptions.Mail);
        var national = Find(sections, PlatformBenchmarkOptions.National);
        var preview = Find(sections, PlatformBenchmarkOptions.Preview);

        var single = engine?.Figure("instancesPerSecond");
        var concurrent = engine?.Figure("concurrentInstancesPerSecond");
        var replayed = engine?.Figure("replayedInstancesPerSecond");
        var concurrentReplayed = engine?.Figure("concurrentReplayedInstancesPerSecond");
        var oneConnection = commits?.Figure("commitsPerSecond");
        var severalConnections = commits?.Figure("concurrentCommitsPerSecond");
        var jobs = hangfire?.Figure("jobsPerSecond");
        var municipalities = national?.Figure("municipalities");
        return
        [
            AtLeast("three-step instances in-process ≥ 350/s", single, 350, v => $"{v:0}/s"),
            AtLeast("… ≥ 15 % of the 1-connection commit rate", Ratio(single, oneConnection), 0.15, v => $"{v:P1} ({single:0} of {oneConnection:0}/s)"),
            AtLeast("… with concurrency ≥ 25 % of the N-connection commit rate", Ratio(concurrent, severalConnections), 0.25, v => $"{v:P1} ({concurrent:0} of {severalConnections:0}/s)"),
            Told("engine ÷ its own statements replayed without it", Ratio(single, replayed), v => $"{v:P0} ({single:0} of {replayed:0}/s{ShareOf(replayed, oneConnection, "1-connection")})"),
            Told("… with concurrency", Ratio(concurrent, concurrentReplayed), v => $"{v:P0} ({concurrent:0} of {concurrentReplayed:0}/s{ShareOf(concurrentReplayed, severalConnections, "N-connection")})"),
            Told("engine vs bare Hangfire (instances/s ÷ no-op jobs/s)", Ratio(single, jobs), v => $"{v:0.00}× ({single:0} vs {jobs:0}/s; {3 * v:0.00}× in operations)"),
            Below("answer p99 over HTTP < 50 ms at 50/s", http?.Figure("answerP99Ms"), 50, v => $"{v:0.0} ms at {http?.Figure("answersPerSecond"):0.#}/s"),
            Below("timer lateness p99 < 2 s", http?.Figure("timerLatenessP99Ms") / 1000, 2, v => $"{v:0.00} s"),
            Below("node memory growth to 10,000 waiting instances < 50 MB", memory?.Figure("gcHeapGrowthMb"), 50, v => $"{v:0.0} MB GC heap, {memory?.Figure("workingSetGrowthMb"):0.0} MB working set ({memory?.Figure("waitingInstances"):0} instances)"),
            AtLeast("mail to a local SMTP server ≥ 200/s", mail?.Figure("mailsPerSecond"), 200, v => $"{v:0}/s"),
            Told("mail ÷ the 1-connection commit rate", Ratio(mail?.Figure("mailsPerSecond"), oneConnection), v => $"{v:P1} (each mail: 1/50 of a claim, a share of a record)"),
            municipalities == NationalMunicipalities
                ? Below("national simulation (290 municipalities) < 60 s", national?.Figure("wallSeconds"), 60, v => $"{v:0.0} s")
                : Told("national simulation (290 municipalities) < 60 s", national?.Figure("wallSeconds"), v => $"{v:0.0} s for {municipalities:0} municipalities; 290 not run"),
            Below("a year of one agreement previewed < 1 s", preview?.Figure("medianMs") / 1000, 1, v => $"{v:0.00} s (median; slowest {preview?.Figure("maxMs") / 1000:0.00} s)"),
        ];
    }

    private static BenchmarkSection? Find(IReadOnlyList<BenchmarkSection> sections, string name) =>
        sections.FirstOrDefault(s => s.Name == name && s.Skipped is null);

    private static double? Ratio(double? part, double? whole) => part is { } p && whole is > 0 ? p / whole : null;

    /// <summary>What share of the commit rate the engine's statements reach by themselves, when both were measured.</summary>
    private static string ShareOf(double? replayed, double? commits, string connections) =>
        Ratio(replayed, commits) is { } share ? $"; the statements alone {share:P1} of the {connections} commit rate" : "";

    private static BenchmarkTarget AtLeast(string target, double? value, double goal, Func<double, string> told) =>
        value is { } v ? new(target, Format(told, v), v >= goal) : new(target, "-", null);

    private static BenchmarkTarget Below(string target, double? value, double goal, Func<double, string> told) =>
        value is { } v ? new(target, Format(told, v), v < goal) : new(target, "-", null);

    private static BenchmarkTarget Told(string target, double? value, Func<double, string> told) =>
        new(target, value is { } v ? Format(told, v) : "-", null);

    private static string Format(Func<double, string> told, double value)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return told(value);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
