using System.Net.Sockets;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Outbox;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using MimeKit;
using NodaTime;

namespace BusFlow.Notifications.Delivery;

/// <summary>
/// Sends the due messages of the outbox. Each message is claimed in a short transaction of its own
/// (held with SKIP LOCKED on PostgreSQL while it is claimed, then the attempt counted and the row
/// version advanced, so two nodes never send the same message at once), then sent, then its result
/// recorded in another short transaction. A node that dies between
/// sending and recording leaves the message to be sent again after its claim expires, with the same
/// Message-ID: at least once, and recognisably so. A message whose task was closed, or whose link
/// died, since it was written is withdrawn instead of sent (see <see cref="DeadLinks"/>).
/// </summary>
public sealed class OutboxDelivery(
    IWorkflowStore store,
    MailOptions options,
    MimeMessageBuilder builder,
    IClock clock,
    ILogger<OutboxDelivery> logger)
{
    /// <summary>
    /// Delivers due messages one by one until none is left free to claim, or the destination cannot be
    /// reached. Deliveries on several nodes at once share the work: each claims the messages it sends.
    /// </summary>
    public async Task<DeliveryReport> DeliverDueAsync(CancellationToken ct = default)
    {
        using var span = BusFlow.Engine.Diagnostics.BusFlowTelemetry.Source.StartActivity("busflow.delivery");
        var report = await DeliverAllAsync(ct);
        MailTelemetry.Record(report);
        return report;
    }

    private async Task<DeliveryReport> DeliverAllAsync(CancellationToken ct)
    {
        var report = new DeliveryReport(0, 0, 0, 0);
        if (!await AnyDueAsync(ct))
        {
            return report;
        }

        await using var sink = CreateSink();
        var checkFirst = false;
        while (true)
        {
            // After a broken connection, reconnect only for mail still due.
            if (checkFirst && !await AnyDueAsync(ct))
            {
                return report;
            }

            try
            {
                // Connect before claiming: an unreachable server costs no message an attempt.
                await sink.EnsureReadyAsync(ct);
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException
                                           or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
                                           or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Mail delivery cannot reach its destination ({Mode} {Destination}); due messages wait for the next run.",
                    options.Mode, options.IsSmtp ? $"{options.Host}:{options.EffectivePort}" : options.Folder);
                return report;
            }

            var (claimed, withdrawn, none) = await ClaimNextAsync(ct);
            if (none)
            {
                return report;
            }

            if (claimed is null)
            {
                report = withdrawn ? report with { Withdrawn = report.Withdrawn + 1 } : report with { Skipped = report.Skipped + 1 };
                continue;
            }

            var outcome = await SendAsync(sink, claimed, ct);
            await RecordAsync(claimed, outcome, ct);
            checkFirst = outcome.Kind == OutcomeKind.Retry;
            report = outcome.Kind switch
            {
                OutcomeKind.Sent => report with { Sent = report.Sent + 1 },
                OutcomeKind.Retry when claimed.Attempts < options.MaxAttempts => report with { Retrying = report.Retrying + 1 },
                _ => report with { Failed = report.Failed + 1 },
            };
        }
    }

    private IMailSink CreateSink() =>
        options.IsSmtp ? new SmtpMailSink(options, logger) : new FolderMailSink(options, logger);

    private async Task<bool> AnyDueAsync(CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return (await session.Facet<IOutbox>().ListDueAsync(clock.GetCurrentInstant(), 1, ct)).Count > 0;
    }

    /// <summary>
    /// Claims the next due message that no other node holds: counts the attempt and holds it for
    /// <see cref="MailOptions.ClaimDuration"/>, in a transaction of its own; or withdraws it when a link
    /// it carries is dead. None left when nothing due is free; no message either when it was withdrawn
    /// or another node finished it first.
    /// </summary>
    private async Task<(OutboxMessage? Claimed, bool Withdrawn, bool None)> ClaimNextAsync(CancellationToken ct)
    {
        try
        {
            await using var session = await store.BeginAsync(ct);
            var now = clock.GetCurrentInstant();
            if (await session.Facet<IOutbox>().ClaimNextDueAsync(now, ct) is not { } message)
            {
                return (null, false, true);
            }

            if (await DeadLinks.WhyWithdrawnAsync(session, message, now, ct) is { } reason)
            {
                message.MarkWithdrawn(reason);
                await session.CommitAsync(ct);
                logger.LogInformation("Outbox message {MessageId} to {To} is withdrawn, not sent: {Reason}", message.Id, message.To, reason);
                return (null, true, false);
            }

            message.Claim(now + Duration.FromTimeSpan(options.ClaimDuration));
            await session.CommitAsync(ct);
            return (message, false, false);
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogDebug("An outbox message was claimed by another node first.");
            return (null, false, false);
        }
    }

    private async Task<Outcome> SendAsync(IMailSink sink, OutboxMessage message, CancellationToken ct)
    {
        if (!message.IsReadable)
        {
            return new Outcome(OutcomeKind.Failed, "The message's content cannot be opened with this installation's link key (was BusFlow:Links:Key changed?).", null);
        }

        MimeMessage mime;
        try
        {
            mime = builder.Build(message, clock.GetCurrentInstant());
        }
        catch (Exception ex) when (ex is ParseException or FormatException or ArgumentException)
        {
            return new Outcome(OutcomeKind.Failed, $"The message cannot be built: {ex.Message}", null);
        }

        try
        {
            var reply = await sink.SendAsync(mime, message, ct);
            return new Outcome(OutcomeKind.Sent, null, reply);
        }
        catch (SmtpCommandException ex)
        {
            var reply = $"{(int)ex.StatusCode} {ex.Message}".Trim();
            if ((int)ex.StatusCode is >= 400 and < 500)
            {
                return new Outcome(OutcomeKind.Retry, $"The server refused the message for now ({ex.ErrorCode}).", reply);
            }

            // A 5xx refusal after which the connection is still fine; anything else is permanent too.
            return new Outcome(OutcomeKind.Failed, $"The server refused the message ({ex.ErrorCode}).", reply);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SocketException or ServiceNotConnectedException)
        {
            logger.LogWarning(ex, "The connection broke while sending outbox message {MessageId}; reconnecting for the next.", message.Id);
            await sink.ResetAsync();
            return new Outcome(OutcomeKind.Retry, $"The connection broke while sending: {ex.Message}", null);
        }
    }

    private async Task RecordAsync(OutboxMessage claimed, Outcome outcome, CancellationToken ct)
    {
        // Not the caller's token: what was sent must be recorded even when the run is being stopped.
        await using var session = await store.BeginAsync(CancellationToken.None);
        var message = await session.Facet<IOutbox>().FindAsync(claimed.Id, CancellationToken.None);
        if (message is null || message.Version != claimed.Version)
        {
            logger.LogWarning("Outbox message {MessageId} changed while this node held its claim; its result ({Outcome}) is not recorded.",
                claimed.Id, outcome.Kind);
            return;
        }

        var now = clock.GetCurrentInstant();
        switch (outcome.Kind)
        {
            case OutcomeKind.Sent:
                message.MarkSent(now, outcome.ServerReply ?? "");
                logger.LogInformation("Sent outbox message {MessageId} to {To}: {Reply}", message.Id, message.To, outcome.ServerReply);
                break;
            case OutcomeKind.Retry when message.Attempts < options.MaxAttempts:
                var next = now + Duration.FromTimeSpan(options.RetryDelayAfter(message.Attempts));
                message.MarkRetry(next, outcome.Reason!, outcome.ServerReply);
                logger.LogWarning("Outbox message {MessageId} to {To} failed for now (attempt {Attempts} of {Max}): {Reason} {Reply}; next attempt at {Next}.",
                    message.Id, message.To, message.Attempts, options.MaxAttempts, outcome.Reason, outcome.ServerReply, next);
                break;
            case OutcomeKind.Retry:
                message.MarkFailed($"Given up after {message.Attempts} attempts. {outcome.Reason}", outcome.ServerReply);
                logger.LogError("Outbox message {MessageId} to {To} failed: {Reason}", message.Id, message.To, message.FailureReason);
                break;
            default:
                message.MarkFailed(outcome.Reason!, outcome.ServerReply);
                logger.LogError("Outbox message {MessageId} to {To} failed: {Reason} {Reply}", message.Id, message.To, outcome.Reason, outcome.ServerReply);
                break;
        }

        await session.CommitAsync(CancellationToken.None);
    }

    private enum OutcomeKind
    {
        Sent,
        Retry,
        Failed,
    }

    private sealed record Outcome(OutcomeKind Kind, string? Reason, string? ServerReply);
}

/// <summary>What one delivery run did: sent, to be tried again, failed for good, left to another node, and withdrawn (a dead link).</summary>
public sealed record DeliveryReport(int Sent, int Retrying, int Failed, int Skipped, int Withdrawn = 0)
{
    public static DeliveryReport operator +(DeliveryReport left, DeliveryReport right) =>
        new(left.Sent + right.Sent, left.Retrying + right.Retrying, left.Failed + right.Failed, left.Skipped + right.Skipped, left.Withdrawn + right.Withdrawn);
}
