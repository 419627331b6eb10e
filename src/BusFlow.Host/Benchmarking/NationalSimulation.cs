using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using BusFlow.Host.Simulation;
using NodaTime;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// The national simulation: many municipalities, each a copy of the demo's shape (its boards, people,
/// bodies, meeting plans and agreement, every id made its own), run over a whole mandate on the
/// virtual clock with every board answering, as `busflow simulate --setup` does.
/// </summary>
internal static partial class NationalSimulation
{
    private const string Title = "National simulation: municipalities of the demo's shape over a mandate";
    private static readonly LocalDate From = new(2026, 1, 1);

    public static async Task<BenchmarkSection> RunAsync(PlatformBenchmarkOptions options, CancellationToken ct)
    {
        if (!File.Exists(options.SetupFile) || !Directory.Exists(options.WorkflowsFolder))
        {
            return BenchmarkSection.Skip(PlatformBenchmarkOptions.National, Title, $"skipped: no {options.SetupFile} or no {options.WorkflowsFolder} folder here (run from the repository)");
        }

        var file = Path.Combine(Path.GetTempPath(), $"busflow-national-{Guid.NewGuid():N}.yaml");
        try
        {
            await File.WriteAllTextAsync(file, Multiply(await File.ReadAllTextAsync(options.SetupFile, ct), options.Municipalities), ct);
            var to = From.PlusYears(options.Years);
            var zone = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];
            var request = new SimulationRequest(options.WorkflowsFolder, "", null, From, to, new AnswerChoice(AnswerChoice.First), 2, zone)
            {
                SetupFile = file,
                TemplatesFolder = options.TemplatesFolder,
            };
            var watch = Stopwatch.StartNew();
            var result = await WorkflowSimulation.RunAsync(request, ct);
            watch.Stop();
            return new BenchmarkSection(PlatformBenchmarkOptions.National, Title, new Dictionary<string, double>
            {
                ["municipalities"] = options.Municipalities,
                ["simulatedYears"] = options.Years,
                ["wallSeconds"] = watch.Elapsed.TotalSeconds,
                ["events"] = result.Timeline.Count,
                ["eventsPerSecond"] = result.Timeline.Count / watch.Elapsed.TotalSeconds,
            },
            $"{options.Municipalities} copies of {options.SetupFile} in one setup, from {From:yyyy-MM-dd} to {to:yyyy-MM-dd} (4 years: the renewal in the mandate's last year, then three years of the next), every board approving; " +
            "the embedded SQLite of `busflow simulate` (a throwaway file: pooled connections, WAL, commits not synced to disk), timeline read back included.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// One setup of <paramref name="count"/> municipalities: each top-level list gets every copy's entries,
    /// and in copy k every id of the original (and every reference to it, e-mail addresses included) ends in "-k".
    /// </summary>
    public static string Multiply(string setup, int count)
    {
        var lines = setup.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.TrimStart().StartsWith('#')).ToList();
        var ids = lines.Select(l => IdField().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().OrderByDescending(id => id.Length).ToList();
        var reference = new Regex($"(?<![\\w.@-])({string.Join('|', ids.Select(Regex.Escape))})(?![\\w-]|\\.\\w)", RegexOptions.CultureInvariant);
        var sections = new List<(string Key, List<string> Body)>();
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (!char.IsWhiteSpace(line[0]) && line.EndsWith(':'))
            {
                sections.Add((line, []));
            }
            else if (sections.Count > 0)
            {
                sections[^1].Body.Add(line);
            }
        }

        var text = new StringBuilder();
        foreach (var (key, body) in sections)
        {
            text.Append(key).Append('\n');
            for (var k = 1; k <= count; k++)
            {
                foreach (var line in body)
                {
                    text.Append(reference.Replace(line, m => $"{m.Value}-{k}")).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^\s*-?\s*\{?\s*id:\s*([\w.-]+)")]
    private static partial Regex IdField();
}
