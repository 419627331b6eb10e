using System.CommandLine;
using BusFlow.Bus.Model;
using BusFlow.Bus.Setup;
using BusFlow.Engine.Persistence;
using BusFlow.Storage;

namespace BusFlow.Host.Cli;

/// <summary>`busflow export [--output file]`: writes the configured database's collaboration records as a setup file.</summary>
internal static class ExportCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var output = new Option<string?>("--output", "-o") { Description = "The file to write: JSON when it ends in .json, else YAML. Standard output (YAML) when left out." };
        var command = new Command("export", "Writes the organizations, boards, meeting plans, people, roles, bodies and agreements of the configured database as a setup file that `busflow import` reads back.")
        {
            output,
        };
        command.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, async () =>
        {
            await using var services = CommandServices.OnConfiguredDatabase(configuration).BuildServiceProvider();
            await BusFlowDatabase.MigrateAsync(services, ct);
            SetupDocument document;
            await using (var session = await services.GetRequiredService<IWorkflowStore>().BeginAsync(ct))
            {
                document = await SetupExport.ReadAsync(session.Facet<IBusRecords>(), ct);
            }

            var file = parse.GetValue(output);
            var text = SetupWriter.IsJson(file) ? SetupWriter.ToJson(document) : SetupWriter.ToYaml(document);
            if (file is null)
            {
                await parse.Out().WriteAsync(text);
                return 0;
            }

            await File.WriteAllTextAsync(file, text, ct);
            await parse.Out().WriteLineAsync($"Exported {document.Boards.Count} board(s), {document.People.Count} people and {document.Agreements.Count} agreement(s) to {file}.");
            return 0;
        }));
        return command;
    }
}
