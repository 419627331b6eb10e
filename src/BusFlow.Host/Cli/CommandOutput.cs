using System.CommandLine;
using System.Data.Common;

namespace BusFlow.Host.Cli;

/// <summary>A command's standard output and error, as the invocation was given them.</summary>
internal static class CommandOutput
{
    public static TextWriter Out(this ParseResult parse) => parse.InvocationConfiguration.Output;

    public static TextWriter Error(this ParseResult parse) => parse.InvocationConfiguration.Error;

    /// <summary>
    /// Runs a command's work; a configuration mistake (a bad setting, an unknown provider) or a
    /// database that cannot be reached is told in one line on standard error with exit code 1,
    /// instead of a stack trace.
    /// </summary>
    public static async Task<int> GuardAsync(ParseResult parse, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or DbException)
        {
            await parse.Error().WriteLineAsync($"busflow: {error.Message}");
            return 1;
        }
    }
}
