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
/// Sends the due messages of the outbox. A node claims a batch of them (<see cref="MailOptions.ClaimBatchSize"/>) in a
/// short transaction (held with SKIP LOCKED on PostgreSQL while they are claimed, then each attempt counted and each
/// row version advanced, so two nodes never send the same message at once), then sends them one by one over one
/// connection, each only while its claim still outlasts the SMTP timeout, and records each result right behind it:
/// the results that come in while one record commits go together in the next (<see cref="DeliveryRecords"/>). A node
/// that dies between sending and recording leaves those messages, at most <see cref="MostUnrecorded"/>, to be sent
/// again after their claim expires, with the same Message-ID: at least once, and recognisably so; the rest of its
/// batch, not tried, waits for the claim to expire too. A run that stops otherwise hands back what it did not try.
/// A message whose task was closed, or whose link died, since it was written is withdrawn instead of sent
/// (see <see cref="DeadLinks"/>).
/// </summary>
public sealed class OutboxDelivery(
    IWorkflowStore store,
    MailOptions options,
    MimeMessageBuilder builder,
    IClock clock,
    ILogger<OutboxDelivery> logger)
{
    /// <summary>
    /// The most messages a run has handed to the server without their result committed: what a crash, or the
    /// database going away, can leave to be sent twice, per node (its runs take turns, see <see cref="NodeDelivery"/>).
    /// </summary>
    public const int MostUnrecorded = 3;

    /// <summary>
    /// Delivers due messages until none is left free to claim, or the destination cannot be reached.
    /// Deliveries on several nodes at once share the work: each claims the messages it sends.
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
        var records = new DeliveryRecords(store, options, clock, logger);
        var unsent = new Queue<ClaimedMessage>();
        var checkFirst = false;
        try
        {
            // Connect before claiming: an unreachable server costs no message an attempt. After a broken
            // connection, reconnect only for mail still due.
            while ((!checkFirst || await AnyDueAsync(ct)) && await IsReadyAsync(sink, ct))
            {
                var batch = await ClaimBatchAsync(ct);
                report = report with { Withdrawn = report.Withdrawn + batch.Withdrawn, Skipped = report.Skipped + batch.Skipped };
                if (batch.Claimed.Count == 0 && batch.Withdrawn == 0 && batch.Skipped == 0)
                {
                    break;
                }

                batch.Claimed.ForEach(unsent.Enqueue);
                while (unsent.TryPeek(out var claim) && StillHeld(claim) && !ct.IsCancellationRequested && await IsReadyAsync(sink, ct))
                {
                    await records.MakeRoomAsync();
                    unsent.Dequeue();
                    var outcome = await SendAsync(sink, claim.Message, ct);
                    records.Add(claim, outcome);
                    checkFirst = outcome.Kind == SendOutcomeKind.Retry;
                    report = outcome.Kind switch
                    {
                        SendOutcomeKind.Sent => report with { Sent = report.Sent + 1 },
                        SendOutcomeKind.Retry when claim.Message.Attempts < options.MaxAttempts => report with { Retrying = report.Retrying + 1 },
                        _ => report with { Failed = report.Failed + 1 },
                    };
                }

                if (unsent.Count > 0)
                {
                    break;
                }
            }
        }
        catch
        {
            await HandBackAsync(records, unsent);
            throw;
        }

        while (unsent.TryDequeue(out var claim))
        {
            records.Add(claim, SendOutcome.NotTried);
        }

        await records.FlushAsync();
        return report;
    }

    /// <summary>After a failure: records what was sent and hands back the rest if the database lets it; the failure is what the caller hears of.</summary>
    private async Task HandBackAsync(DeliveryRecords records, Queue<ClaimedMessage> unsent)
    {
        try
        {
            while (unsent.TryDequeue(out var claim))
            {
                records.Add(claim, SendOutcome.NotTried);
            }

            await records.FlushAsync();
        }
#pragma warning disable CA1031 // The run failed already; what cannot be recorded now waits for its claim to run out.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "The results of a failed delivery run could not all be recorded; those messages wait for their claim to run out.");
        }
    }

    private IMailSink CreateSink() =>
        options.IsSmtp ? new SmtpMailSink(options, logger) : new FolderMailSink(options, logger);

    private async Task<bool> AnyDueAsync(CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await session.Facet<IOutbox>().AnyDueAsync(clock.GetCurrentInstant(), ct);
    }

    /// <summary>Connects (again) when needed; false when the destination cannot be reached now.</summary>
    private async Task<bool> IsReadyAsync(IMailSink sink, CancellationToken ct)
    {
        try
        {
            await sink.EnsureReadyAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException
                                       or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
                                       or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Mail delivery cannot reach its destination ({Mode} {Destination}); due messages wait for the next run.",
                options.Mode, options.IsSmtp ? $"{options.Host}:{options.EffectivePort}" : options.Folder);
            return false;
        }
    }

    /// <summary>Whether the claim outlasts a send that takes the whole SMTP timeout: otherwise another node could take it meanwhile.</summary>
    private bool StillHeld(ClaimedMessage claim) =>
        clock.GetCurrentInstant() + Duration.FromTimeSpan(options.Timeout) < claim.HeldUntil;

    /// <summary>
    /// Claims up to <see cref="MailOptions.ClaimBatchSize"/> due messages that no other node holds, in a transaction
    /// of their own: counts each attempt and holds each for <see cref="MailOptions.ClaimDuration"/>; or withdraws
    /// those with a dead link. Nothing claimed, withdrawn or skipped when nothing due is free.
    /// </summary>
    private async Task<ClaimedBatch> ClaimBatchAsync(CancellationToken ct)
    {
        var due = new List<OutboxMessage>();
        try
        {
            await using var session = await store.BeginAsync(ct);
            var now = clock.GetCurrentInstant();
            due.AddRange(await session.Facet<IOutbox>().ClaimDueAsync(now, options.ClaimBatchSize, ct));
            if (due.Count == 0)
            {
                return new ClaimedBatch([], 0, 0);
            }

            var withdrawn = await DeadLinks.WhyWithdrawnAsync(session, due, now, ct);
            var heldUntil = now + Duration.FromTimeSpan(options.ClaimDuration);
            var claimed = new List<ClaimedMessage>();
            foreach (var message in due)
            {
                if (withdrawn.TryGetValue(message.Id, out var reason))
                {
                    message.MarkWithdrawn(reason);
                    logger.LogInformation("Outbox message {MessageId} to {To} is withdrawn, not sent: {Reason}", message.Id, message.To, reason);
                    continue;
                }

                var dueAt = message.NextAttemptAt;
                message.Claim(heldUntil);
                claimed.Add(new ClaimedMessage(message, dueAt, heldUntil));
            }

            await session.CommitAsync(ct);
            return new ClaimedBatch(claimed, withdrawn.Count, 0);
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogDebug("Outbox messages were claimed by another node first.");
            return new ClaimedBatch([], 0, Math.Max(due.Count, 1));
        }
    }

    private async Task<SendOutcome> SendAsync(IMailSink sink, OutboxMessage message, CancellationToken ct)
    {
        if (!message.IsReadable)
        {
            return new SendOutcome(SendOutcomeKind.Failed, "The message's content cannot be opened with this installation's link key (was BusFlow:Links:Key changed?).", null);
        }

        MimeMessage mime;
        try
        {
            mime = builder.Build(message, clock.GetCurrentInstant());
        }
        catch (Exception ex) when (ex is ParseException or FormatException or ArgumentException)
        {
            return new SendOutcome(SendOutcomeKind.Failed, $"The message cannot be built: {ex.Message}", null);
        }

        try
        {
            var reply = await sink.SendAsync(mime, message, ct);
            return new SendOutcome(SendOutcomeKind.Sent, null, reply);
        }
        catch (SmtpCommandException ex)
        {
            var reply = $"{(int)ex.StatusCode} {ex.Message}".Trim();
            if ((int)ex.StatusCode is >= 400 and < 500)
            {
                return new SendOutcome(SendOutcomeKind.Retry, $"The server refused the message for now ({ex.ErrorCode}).", reply);
            }

            // A 5xx refusal after which the connection is still fine; anything else is permanent too.
            return new SendOutcome(SendOutcomeKind.Failed, $"The server refused the message ({ex.ErrorCode}).", reply);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SocketException or ServiceNotConnectedException)
        {
            logger.LogWarning(ex, "The connection broke while sending outbox message {MessageId}; reconnecting for the next.", message.Id);
            await sink.ResetAsync();
            return new SendOutcome(SendOutcomeKind.Retry, $"The connection broke while sending: {ex.Message}", null);
        }
    }

    private sealed record ClaimedBatch(List<ClaimedMessage> Claimed, int Withdrawn, int Skipped);
}

/// <summary>What one delivery run did: sent, to be tried again, failed for good, left to another node, and withdrawn (a dead link).</summary>
public sealed record DeliveryReport(int Sent, int Retrying, int Failed, int Skipped, int Withdrawn = 0)
{
    public static DeliveryReport operator +(DeliveryReport left, DeliveryReport right) =>
        new(left.Sent + right.Sent, left.Retrying + right.Retrying, left.Failed + right.Failed, left.Skipped + right.Skipped, left.Withdrawn + right.Withdrawn);
}
