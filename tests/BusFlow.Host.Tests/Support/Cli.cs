using BusFlow.Host.Cli;

namespace BusFlow.Host.Tests.Support;

/// <summary>Runs the busflow command line in this process and keeps what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Lines(Output);

    public IReadOnlyList<string> ErrorLines => Lines(Error);

    /// <summary>Runs <paramref name="args"/>; <paramref name="input"/> is what standard input holds (nothing when null).</summary>
    public static async Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings = null, string? input = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stdin = new StringReader(input ?? "");
        var exitCode = await BusFlowCli.RunAsync(args, output, error, settings, stdin);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
