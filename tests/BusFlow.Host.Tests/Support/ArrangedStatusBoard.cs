namespace BusFlow.Host.Tests.Support;

/// <summary>A <see cref="StatusBoardHost"/> brought to its arranged day once, shared by a test class.</summary>
public sealed class ArrangedStatusBoard : IAsyncLifetime
{
    private StatusBoardHost? _host;

    public StatusBoardHost Board => _host ?? throw new InvalidOperationException("The status board host has not started.");

    public async Task InitializeAsync()
    {
        _host = await StatusBoardHost.StartAsync();
        await _host.ArrangeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
