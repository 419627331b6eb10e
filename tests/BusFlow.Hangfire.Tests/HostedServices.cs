using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BusFlow.Hangfire.Tests;

/// <summary>Starts the hosted services as a host would (all, or those <c>runs</c> keeps), and stops them in reverse order.</summary>
internal sealed class HostedServices : IAsyncDisposable
{
    private readonly List<IHostedService> _started = [];

    public static async Task<HostedServices> StartAsync(IServiceProvider services, Func<IHostedService, bool>? runs = null)
    {
        var hosted = new HostedServices();
        foreach (var service in services.GetServices<IHostedService>().Where(runs ?? (_ => true)))
        {
            await service.StartAsync(default);
            hosted._started.Add(service);
        }

        return hosted;
    }

    public async ValueTask DisposeAsync()
    {
        _started.Reverse();
        foreach (var service in _started)
        {
            await service.StopAsync(default);
        }
    }
}
