using System.Globalization;
using System.Text.Json;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// `busflow benchmark`: the engine next to the platform beneath it, all in one run on one machine,
/// so that its figures read as ratios of what the database and Hangfire allow there and then.
/// </summary>
public static class PlatformBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BenchmarkReport> RunAsync(PlatformBenchmarkOptions options, Func<string, Task> progress, CancellationToken ct)
    {
        var machine = await DatabaseBaseline.FactsAsync(options.Storage, ct);
        (string Part, string Title, Func<PlatformBenchmarkOptions, CancellationToken, Task<BenchmarkSection>> Run)[] parts =
        [
            (PlatformBenchmarkOptions.Commits, "Database baseline: single-row commits", DatabaseBaseline.CommitsAsync),
            (PlatformBenchmarkOptions.Hangfire, "Hangfire baseline: no-op jobs on the same storage", HangfireBaseline.RunAsync),
            (PlatformBenchmarkOptions.Engine, "Engine in-process: start → answer → timer", EngineThroughput.RunAsync),
            (PlatformBenchmarkOptions.Http, "Over HTTP: a host on a port, its API and its Hangfire jobs", HttpRun.RunAsync),
            (PlatformBenchmarkOptions.Mail, "Mail: outbox delivery to a local SMTP server", MailThroughput.RunAsync),
            (PlatformBenchmarkOptions.Memory, "Memory of a node holding waiting instances", EngineThroughput.MemoryAsync),
            (PlatformBenchmarkOptions.National, "National simulation: municipalities of the demo's shape over a mandate", NationalSimulation.RunAsync),
            (PlatformBenchmarkOptions.Preview, "The designer's preview: a year of one agreement's cycle", DesignerPreview.RunAsync),
        ];
        var sections = new List<BenchmarkSection>();
        foreach (var (part, title, run) in parts)
        {
            if (!options.Runs(part))
            {
                sections.Add(BenchmarkSection.Skip(part, title, $"skipped: --skip {part}"));
                continue;
            }

            await progress($"  … {title}");
            sections.Add(await run(options, ct));
        }

        return new BenchmarkReport(machine, sections, BenchmarkTargets.Of(sections));
    }

    public static string ToJson(BenchmarkReport report) => JsonSerializer.Serialize(report, Json);

    public static async Task PrintAsync(TextWriter output, BenchmarkReport report)
    {
        var culture = CultureInfo.InvariantCulture;
        var machine = report.Machine;
        await output.WriteLineAsync($"BusFlow benchmark, {machine.Date:yyyy-MM-dd HH:mm} UTC: {machine.Cores} cores, {machine.OperatingSystem}, {machine.Runtime}, {machine.DatabaseVersion} ({machine.Durability}); load average {machine.LoadAverage}");
        foreach (var section in report.Sections)
        {
            await output.WriteLineAsync($"  {section.Title}");
            if (section.Skipped is { } why)
            {
                await output.WriteLineAsync($"    {why}");
                continue;
            }

            foreach (var (name, value) in section.Figures)
            {
                await output.WriteLineAsync(string.Format(culture, "    {0,-32} {1,12:#,0.##}", name, value));
            }
        }

        await output.WriteLineAsync("  Targets (issue 15)");
        foreach (var target in report.Targets)
        {
            var verdict = target.Met switch { true => "met", false => "NOT MET", null => "not measured" };
            await output.WriteLineAsync(string.Format(culture, "    {0,-60} {1,-44} {2}", target.Target, target.Measured, verdict));
        }
    }
}
