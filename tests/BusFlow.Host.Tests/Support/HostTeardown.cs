using BusFlow.Testing;

namespace BusFlow.Host.Tests.Support;

/// <summary>Stops a test host and removes what it ran on, each part only where it was made.</summary>
public static class HostTeardown
{
    public static async Task DisposeAsync(RunningHost? host, TestDatabase? database, TestWorkflows? workflows, string? folder = null)
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        workflows?.Dispose();
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
