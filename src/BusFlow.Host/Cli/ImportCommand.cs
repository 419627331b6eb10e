using System.CommandLine;
using BusFlow.Bus.Model;
using BusFlow.Bus.Setup;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Configuration;
using BusFlow.Host.Demo;
using BusFlow.Storage;
using NodaTime;

namespace BusFlow.Host.Cli;

/// <summary>
/// `busflow import setup.yaml`: checks a setup file as a whole and, when nothing is wrong, brings
/// the configured database's records in line with it in one transaction, printing what changed.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var file = new Argument<string>("file") { Description = "The setup file: YAML (.yaml, .yml) or JSON (.json); see schemas/setup.schema.json." };
        var command = new Command("import", "Imports a whole collaboration from a setup file into the configured database (BusFlow:Storage): every mistake is listed with its line, and nothing is saved unless the file is right.")
        {
            file,
        };
        command.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await parse.Error().WriteLineAsync($"busflow: the setup file '{path}' does not exist");
                return 1;
            }

            var settings = BusFlowSettings.From(configuration);
            await using var services = CommandServices.OnConfiguredDatabase(configuration).BuildServiceProvider();
            await BusFlowDatabase.MigrateAsync(services, ct);
            var now = SystemClock.Instance.GetCurrentInstant();

            await using var session = await services.GetRequiredService<IWorkflowStore>().BeginAsync(ct);
            var result = await SetupImport.ImportAsync(session.Facet<IBusRecords>(), path, await File.ReadAllTextAsync(path, ct), now.InZone(settings.TimeZone).Date, now, ct);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems)
                {
                    await parse.Error().WriteLineAsync(problem.ToString());
                }

                await parse.Error().WriteLineAsync($"busflow: {result.Problems.Count} problem(s) in {path}; nothing was saved.");
                return 1;
            }

            await session.CommitAsync(ct);
            foreach (var change in result.Changes)
            {
                await parse.Out().WriteLineAsync(change);
            }

            await parse.Out().WriteLineAsync(result.Changes.Count == 0 ? "nothing changed" : $"{result.Changes.Count} change(s) imported from {path}.");

            // An agreement in force runs its cycles from the import on, not from the next start of a host;
            // a database no host has published the workflows in yet starts them at that first start.
            if (await services.GetRequiredService<BusStartup>().StartCyclesAsync(ct) is > 0 and var started)
            {
                await parse.Out().WriteLineAsync($"Started {started} workflow instance(s) for the agreements in force.");
            }

            return 0;
        }));
        return command;
    }
}
