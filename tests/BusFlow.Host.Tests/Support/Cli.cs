using BusFlow.Host.Cli;

namespace BusFlow.Host.Tests.Support;

/// <summary>Runs the busflow command line in this process and keeps what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Lines(Output);

    public IReadOnlyList<string> ErrorLines => Lines(Error);

    public static async Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BusFlowCli.RunAsync(args, output, error, settings);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
