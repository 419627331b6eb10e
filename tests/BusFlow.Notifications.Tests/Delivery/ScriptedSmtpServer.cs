using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BusFlow.Notifications.Tests.Delivery;

/// <summary>
/// A scripted SMTP stand-in on a loopback port for the faults a real server rarely shows on cue:
/// the reply to each DATA (by its number, from 0) and connections dropped right after MAIL FROM.
/// It keeps every message it was sent and the ones it accepted (answered 2xx).
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<int, string> _dataReply;
    private readonly Func<int, bool> _dropAfterMailFrom;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentQueue<string> _sent = new();
    private readonly ConcurrentQueue<string> _accepted = new();
    private int _dataCount;
    private int _mailFromCount;
    private int _connections;

    private ScriptedSmtpServer(Func<int, string> dataReply, Func<int, bool> dropAfterMailFrom)
    {
        _dataReply = dataReply;
        _dropAfterMailFrom = dropAfterMailFrom;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => _connections;

    /// <summary>Every message that reached the end of DATA, accepted or not.</summary>
    public IReadOnlyList<string> Sent => [.. _sent];

    /// <summary>The messages answered with 2xx.</summary>
    public IReadOnlyList<string> Accepted => [.. _accepted];

    public static ScriptedSmtpServer Start(Func<int, string>? dataReply = null, Func<int, bool>? dropAfterMailFrom = null) =>
        new(dataReply ?? (_ => "250 2.0.0 Ok: queued"), dropAfterMailFrom ?? (_ => false));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                sessions.Add(ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.Latin1);
                await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 scripted.test ESMTP");
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                        case "HELO":
                            await writer.WriteLineAsync("250 scripted.test");
                            break;
                        case "MAIL":
                            if (_dropAfterMailFrom(Interlocked.Increment(ref _mailFromCount) - 1))
                            {
                                client.Client.Shutdown(SocketShutdown.Both);
                                return;
                            }

                            await writer.WriteLineAsync("250 2.1.0 Ok");
                            break;
                        case "RCPT":
                            await writer.WriteLineAsync("250 2.1.5 Ok");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var message = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            {
                                message.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            var reply = _dataReply(Interlocked.Increment(ref _dataCount) - 1);
                            _sent.Enqueue(message.ToString());
                            if (reply.StartsWith('2'))
                            {
                                _accepted.Enqueue(message.ToString());
                            }

                            await writer.WriteLineAsync(reply);
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 2.0.0 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 Ok");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }
    }
}
