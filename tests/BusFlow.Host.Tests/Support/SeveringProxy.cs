using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace BusFlow.Host.Tests.Support;

/// <summary>
/// A loopback TCP relay in front of a server (PostgreSQL) that a test can sever: while severed it
/// accepts connections and swallows what is sent, answering nothing, as a database behind a dead
/// network or a frozen server does; mended, it drops every connection of the outage and relays again.
/// </summary>
public sealed class SeveringProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly Task _accepting;
    private volatile bool _severed;

    private SeveringProxy(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static SeveringProxy Start(string targetHost, int targetPort) => new(targetHost, targetPort);

    public void Sever() => _severed = true;

    public void Mend()
    {
        _severed = false;
        foreach (var connection in _connections.Keys)
        {
            Close(connection);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections[client] = 0;
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        _connections[server] = 0;
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            await Task.WhenAny(PumpAsync(client.GetStream(), server.GetStream()), PumpAsync(server.GetStream(), client.GetStream()));
        }
        catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection ended, or Mend closed it.
        }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            if (_severed)
            {
                // Swallowed: the other side waits for an answer that does not come.
                continue;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private void Close(TcpClient connection)
    {
        _connections.TryRemove(connection, out _);
        connection.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var connection in _connections.Keys)
        {
            Close(connection);
        }

        _stop.Dispose();
    }
}
