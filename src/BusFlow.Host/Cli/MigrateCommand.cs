using System.CommandLine;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Storage;

namespace BusFlow.Host.Cli;

/// <summary>`busflow migrate`: brings the configured database up to this build's schema.</summary>
internal static class MigrateCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var command = new Command("migrate", "Applies the database migrations of the configured provider (BusFlow:Storage), installs Hangfire's tables when the jobs are kept in PostgreSQL (BusFlow:Jobs), and exits.");
        command.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, async () =>
        {
            var settings = BusFlowSettings.From(configuration);
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddBusFlowStorage(settings.Storage)
                .AddSingleton(settings.Jobs)
                .BuildServiceProvider();
            await DatabaseMigration.MigrateAsync(services, ct);
            await parse.Out().WriteLineAsync($"The {settings.Storage.Provider} database is up to date.");
            return 0;
        }));
        return command;
    }
}
