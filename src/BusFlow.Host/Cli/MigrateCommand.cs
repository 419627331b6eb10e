using System.CommandLine;
using BusFlow.Host.Configuration;
using BusFlow.Storage;

namespace BusFlow.Host.Cli;

/// <summary>`busflow migrate`: brings the configured database up to this build's schema.</summary>
internal static class MigrateCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var command = new Command("migrate", "Applies the database migrations of the configured provider (BusFlow:Storage) and exits.");
        command.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, async () =>
        {
            var storage = BusFlowSettings.From(configuration).Storage;
            await using var services = new ServiceCollection().AddLogging().AddBusFlowStorage(storage).BuildServiceProvider();
            await BusFlowDatabase.MigrateAsync(services, ct);
            await parse.Out().WriteLineAsync($"The {storage.Provider} database is up to date.");
            return 0;
        }));
        return command;
    }
}
