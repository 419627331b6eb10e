using System.CommandLine;
using BusFlow.Host.Configuration;

namespace BusFlow.Host.Cli;

/// <summary>The busflow command line: serve (the default), validate, migrate, schema and simulate.</summary>
public static class BusFlowCli
{
    /// <summary>
    /// Runs one command line. <paramref name="settings"/> override the configuration files and
    /// environment (keys such as "BusFlow:Workflows:Folder"); tests pass theirs here, and their
    /// standard <paramref name="input"/> (the console's when null).
    /// </summary>
    public static Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        IReadOnlyDictionary<string, string?>? settings = null,
        TextReader? input = null,
        CancellationToken ct = default)
    {
        var configuration = BusFlowConfiguration.Load(settings);
        var root = new RootCommand("BusFlow runs durable workflows: timers, tasks for people and child workflows, defined in JSON files.");
        ServeCommand.Configure(root, configuration);
        root.Subcommands.Add(ServeCommand.Create(configuration));
        root.Subcommands.Add(ValidateCommand.Create(configuration));
        root.Subcommands.Add(MigrateCommand.Create(configuration));
        root.Subcommands.Add(SeedCommand.Create(configuration));
        root.Subcommands.Add(ImportCommand.Create(configuration));
        root.Subcommands.Add(ExportCommand.Create(configuration));
        root.Subcommands.Add(WheelCommand.Create(configuration));
        root.Subcommands.Add(UsersCommand.Create(configuration, input ?? Console.In));
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create(configuration));
        root.Subcommands.Add(BenchmarkCommand.Create());
        // No response files: "@file" is simulate's way to read the input from a file.
        var parsing = new ParserConfiguration { ResponseFileTokenReplacer = null };
        return root.Parse(args, parsing).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }
}
