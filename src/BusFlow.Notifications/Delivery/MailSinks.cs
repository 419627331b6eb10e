using System.Globalization;
using BusFlow.Engine.Files;
using BusFlow.Notifications.Outbox;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace BusFlow.Notifications.Delivery;

/// <summary>Where one delivery run puts its messages: an SMTP connection, or a folder of .eml files.</summary>
internal interface IMailSink : IAsyncDisposable
{
    /// <summary>Connects (again) when needed; throws when the sink cannot take messages now.</summary>
    Task EnsureReadyAsync(CancellationToken ct);

    /// <summary>Hands the message over and returns the receiver's reply.</summary>
    Task<string> SendAsync(MimeMessage message, OutboxMessage outbox, CancellationToken ct);

    /// <summary>Drops a connection that broke, so that <see cref="EnsureReadyAsync"/> opens a new one.</summary>
    Task ResetAsync();
}

/// <summary>
/// One SMTP connection reused for every message of a run. SmtpClient is not thread-safe: one sink
/// per run, used by one loop.
/// </summary>
internal sealed class SmtpMailSink(MailOptions options, ILogger logger) : IMailSink
{
    private SmtpClient? _client;

    public async Task EnsureReadyAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true })
        {
            return;
        }

        await ResetAsync();
        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host ?? "localhost", options.EffectivePort, options.EffectiveSecurity, ct);
            if (options.UserName is { Length: > 0 } user)
            {
                await client.AuthenticateAsync(user, options.Password ?? "", ct);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        logger.LogDebug("Connected to {Host}:{Port}.", options.Host, options.EffectivePort);
        _client = client;
    }

    public async Task<string> SendAsync(MimeMessage message, OutboxMessage outbox, CancellationToken ct)
    {
        var client = _client ?? throw new InvalidOperationException("The SMTP sink is not connected.");
        // MailKit returns the text of the final reply to DATA; a success there is always 250 (RFC 5321).
        return "250 " + await client.SendAsync(message, ct);
    }

    public async Task ResetAsync()
    {
        if (_client is null)
        {
            return;
        }

        var client = _client;
        _client = null;
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, quit.Token);
            }
        }
#pragma warning disable CA1031 // A connection that is being dropped may fail in any way; it is dropped all the same.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogDebug(ex, "Closing the SMTP connection failed; it is dropped.");
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await ResetAsync();
}

/// <summary>
/// Folder mode: each message becomes {createdAt:yyyyMMdd-HHmmss}-{id}.eml in the folder, readable by
/// the service's user only (0600, in a folder made 0700), since it holds live links and codes.
/// </summary>
internal sealed class FolderMailSink(MailOptions options, ILogger logger) : IMailSink
{
    public Task EnsureReadyAsync(CancellationToken ct)
    {
        PrivateFiles.CreateFolder(options.Folder);
        return Task.CompletedTask;
    }

    public async Task<string> SendAsync(MimeMessage message, OutboxMessage outbox, CancellationToken ct)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{outbox.CreatedAt.ToDateTimeUtc():yyyyMMdd-HHmmss}-{outbox.Id}.eml");
        var path = Path.GetFullPath(Path.Combine(options.Folder, name));
        await using (var file = PrivateFiles.Create(path, FileMode.Create))
        {
            await message.WriteToAsync(file, ct);
        }

        // Not the subject: what a template puts there is not the log's business.
        logger.LogInformation("Wrote mail {MessageId} to {To} to {Path}.", outbox.Id, outbox.To, path);
        return $"written to {path}";
    }

    public Task ResetAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
