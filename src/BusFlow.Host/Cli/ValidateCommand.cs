using System.CommandLine;
using BusFlow.Engine.Definitions;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using NodaTime;

namespace BusFlow.Host.Cli;

/// <summary>`busflow validate [folder]`: checks every definition file; needs no database.</summary>
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
        var command = new Command("validate", "Checks the workflow definitions: each mistake is printed as 'file: path: reason'.") { folder };
        command.SetAction(async parse =>
        {
            // The zone matters only to running instances; the activity types are what validation needs.
            using var services = new ServiceCollection().AddBusFlowWorkflows(DateTimeZone.Utc).BuildServiceProvider();
            var result = services.GetRequiredService<DefinitionLoader>().LoadFolder(parse.GetValue(folder)!);
            foreach (var error in result.Errors)
            {
                await parse.Error().WriteLineAsync(error.ToString());
            }

            if (!result.IsValid)
            {
                return 1;
            }

            var count = result.Definitions.Count;
            await parse.Out().WriteLineAsync($"{count} {(count == 1 ? "definition" : "definitions")} valid");
            return 0;
        });
        return command;
    }
}
