using System.CommandLine;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;

namespace BusFlow.Host.Cli;

/// <summary>`busflow serve [--urls ...]`, also what `busflow` alone does.</summary>
internal static class ServeCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var command = new Command("serve", "Runs the web API, the timers and the Hangfire dashboard until stopped (the default command).");
        Configure(command, configuration);
        return command;
    }

    /// <summary>Gives a command the --urls option and the serve action (the root command gets them too).</summary>
    public static void Configure(Command command, IConfiguration configuration)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = "Where to listen, e.g. http://localhost:5080; several separated by ';'. "
                + $"Default: ASPNETCORE_URLS, else BusFlow:Urls, else {BusFlowSettings.DefaultUrls}.",
        };
        command.Options.Add(urls);
        command.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, () =>
        {
            var withUrls = parse.GetValue(urls) is { Length: > 0 } given
                ? new ConfigurationBuilder()
                    .AddConfiguration(configuration)
                    .AddInMemoryCollection(new Dictionary<string, string?> { [BusFlowSettings.AspNetCoreUrlsKey] = given })
                    .Build()
                : configuration;
            return BusFlowHost.ServeAsync(withUrls, ct);
        }));
    }
}
