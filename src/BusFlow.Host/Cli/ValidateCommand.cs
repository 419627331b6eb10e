using System.CommandLine;
using BusFlow.Engine.Definitions;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using NodaTime;

namespace BusFlow.Host.Cli;

/// <summary>
/// `busflow validate [folder] [--database]`: checks every definition file, and with --database also
/// against the versions published in the configured database, as the next start's import would.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var folder = new Argument<string>("folder")
        {
            Description = "The folder of definition files. Default: BusFlow:Workflows:Folder (workflows).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => configuration[$"{BusFlowSettings.Section}:Workflows:Folder"] is { Length: > 0 } configured
                ? configured
                : BusFlowSettings.DefaultWorkflowsFolder,
        };
        var database = new Option<bool>("--database")
        {
            Description = "Also check against the versions published in the configured database: a changed file that keeps its version number is an error.",
        };
        var command = new Command("validate", "Checks the workflow definitions: each mistake is printed as 'file: path: reason'.") { folder, database };
        command.SetAction(async (parse, ct) =>
        {
            var (count, errors) = parse.GetValue(database)
                ? await CheckAgainstDatabaseAsync(configuration, parse.GetValue(folder)!, ct)
                : CheckFiles(parse.GetValue(folder)!);
            foreach (var error in errors)
            {
                await parse.Error().WriteLineAsync(error.ToString());
            }

            if (errors.Count > 0)
            {
                return 1;
            }

            await parse.Out().WriteLineAsync($"{count} {(count == 1 ? "definition" : "definitions")} valid");
            return 0;
        });
        return command;
    }

    private static (int Count, IReadOnlyList<DefinitionError> Errors) CheckFiles(string folder)
    {
        // The zone matters only to running instances; the activity types are what validation needs.
        using var services = new ServiceCollection().AddBusFlowWorkflows(DateTimeZone.Utc).BuildServiceProvider();
        var result = services.GetRequiredService<DefinitionLoader>().LoadFolder(folder);
        return (result.Definitions.Count, result.Errors);
    }

    private static async Task<(int Count, IReadOnlyList<DefinitionError> Errors)> CheckAgainstDatabaseAsync(IConfiguration configuration, string folder, CancellationToken ct)
    {
        await using var services = CommandServices.OnConfiguredDatabase(configuration).BuildServiceProvider();
        var check = await services.GetRequiredService<WorkflowFolderPublisher>().CheckAsync(folder, ct);
        return (check.DefinitionCount, check.Errors);
    }
}
