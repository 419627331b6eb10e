using System.Diagnostics;
using System.Text.Json.Nodes;
using BusFlow.Host.Simulation;
using NodaTime;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// The designer's preview: a year of one agreement's cycle on the simulator, as the preview page
/// runs a draft (the collaboration's records, the cycle started on 1 January and answered, run to the
/// next) — the demo municipality's agreement here. The target is under a second, since a person waits for it.
/// </summary>
internal static class DesignerPreview
{
    private const string Title = "The designer's preview: a year of one agreement's cycle";
    private const string Cycle = "bus-annual-cycle";
    private static readonly LocalDate From = new(2026, 1, 1);

    public static async Task<BenchmarkSection> RunAsync(PlatformBenchmarkOptions options, CancellationToken ct)
    {
        if (!File.Exists(options.SetupFile) || !File.Exists(Path.Combine(options.WorkflowsFolder, Cycle + ".json")))
        {
            return BenchmarkSection.Skip(PlatformBenchmarkOptions.Preview, Title, $"skipped: no {options.SetupFile} or no {Cycle} in {options.WorkflowsFolder} (run from the repository)");
        }

        var request = new SimulationRequest(
            options.WorkflowsFolder, Cycle, new JsonObject { ["agreement"] = "bus-2023-2026" }, From, From.PlusYears(1), new AnswerChoice(AnswerChoice.First), 5,
            DateTimeZoneProviders.Tzdb["Europe/Stockholm"])
        {
            SetupFile = options.SetupFile,
            StartCycles = false,
            SetupAsOf = LocalDate.MinIsoValue,
            TemplatesFolder = options.TemplatesFolder,
        };

        // The first run pays for the JIT, which a running server has paid long before anyone previews.
        var events = (await WorkflowSimulation.RunAsync(request, ct)).Timeline.Count;
        var times = new List<double>();
        for (var run = 0; run < options.PreviewRuns; run++)
        {
            var watch = Stopwatch.StartNew();
            await WorkflowSimulation.RunAsync(request, ct);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new BenchmarkSection(PlatformBenchmarkOptions.Preview, Title, new Dictionary<string, double>
        {
            ["runs"] = options.PreviewRuns,
            ["medianMs"] = times[options.PreviewRuns / 2],
            ["maxMs"] = times[^1],
            ["events"] = events,
        },
        $"{Cycle} for the agreement of {options.SetupFile} over {From.Year}, on the embedded SQLite of the preview, every answer the first outcome; median and slowest of {options.PreviewRuns} runs after one to warm up.");
    }
}
