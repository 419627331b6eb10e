using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Storage;
using NodaTime;

namespace BusFlow.Host.Cli;

/// <summary>The services of a command that works on the configured database, outside a web host.</summary>
internal static class CommandServices
{
    /// <summary>The workflows (activities, templates, the link key) on the configured storage, on the system clock.</summary>
    public static IServiceCollection OnConfiguredDatabase(IConfiguration configuration)
    {
        var settings = BusFlowSettings.From(configuration);
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(SystemClock.Instance)
            .AddSingleton(LinkKeySource.Load(configuration))
            .AddBusFlowWorkflows(settings.TimeZone, settings.TemplatesFolder)
            .AddBusFlowStorage(settings.Storage);
    }
}
