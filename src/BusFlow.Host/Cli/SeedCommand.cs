using System.CommandLine;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Configuration;
using BusFlow.Host.Demo;
using BusFlow.Storage;
using NodaTime;

namespace BusFlow.Host.Cli;

/// <summary>
/// `busflow seed demo`: brings the configured database up to this build's schema, adds the
/// fictional demo municipality's records unless they are there, publishes the workflows and starts
/// the demo agreement's cycles — live on the day it is loaded, as a host's first start makes it.
/// </summary>
internal static class SeedCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var demo = new Command(
            "demo",
            $"Migrates the configured database (BusFlow:Storage) and adds the fictional demo municipality {DemoMunicipality.Name}: its boards, people and roles, meeting plans and the agreement {DemoMunicipality.AgreementId}. Does nothing when the demo is already there.");
        demo.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, async () =>
        {
            var settings = BusFlowSettings.From(configuration);
            await using var services = CommandServices.OnConfiguredDatabase(configuration).BuildServiceProvider();
            await BusFlowDatabase.MigrateAsync(services, ct);

            bool seeded;
            await using (var session = await services.GetRequiredService<IWorkflowStore>().BeginAsync(ct))
            {
                seeded = await DemoMunicipality.SeedAsync(session.Facet<IBusRecords>(), SystemClock.Instance.GetCurrentInstant(), ct);
                await session.CommitAsync(ct);
            }

            await parse.Out().WriteLineAsync(seeded
                ? $"Seeded the demo municipality Exempelby from {DemoMunicipality.File}, with the agreement {DemoMunicipality.AgreementId}."
                : "The demo is already there.");

            var published = await services.GetRequiredService<WorkflowFolderPublisher>().PublishAsync(settings.WorkflowsFolder, ct);
            if (!published.Succeeded)
            {
                foreach (var error in published.Errors)
                {
                    await parse.Error().WriteLineAsync(error.ToString());
                }

                return 1;
            }

            await services.GetRequiredService<BusStartup>().RunAsync(seedDemo: false, ct);
            await parse.Out().WriteLineAsync($"The cycles of {DemoMunicipality.AgreementId} are running.");
            return 0;
        }));
        return new Command("seed", "Adds sample records to the configured database.") { demo };
    }
}
