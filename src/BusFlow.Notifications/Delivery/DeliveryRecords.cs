using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Outbox;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BusFlow.Notifications.Delivery;

/// <summary>
/// Records the results of one delivery run's messages while the run sends the next ones: whatever waits when the
/// last record is committed goes in the next, one transaction for them all. At most <see cref="OutboxDelivery.MostUnrecorded"/>
/// messages are handed to the server and not yet recorded at any moment (<see cref="MakeRoomAsync"/> waits for
/// the record before another is sent), so a crash leaves at most that many to be sent twice. Used by one loop.
/// </summary>
internal sealed class DeliveryRecords(IWorkflowStore store, MailOptions options, IClock clock, ILogger logger)
{
    private const int ConflictRetries = 3;

    private readonly List<(ClaimedMessage Claim, SendOutcome Outcome)> _waiting = [];
    private Task _writing = Task.CompletedTask;
    private int _beingWritten;

    /// <summary>Waits until one more message may be sent without passing the bound; throws when a record failed.</summary>
    public async Task MakeRoomAsync()
    {
        while (_waiting.Count + _beingWritten >= OutboxDelivery.MostUnrecorded)
        {
            await _writing;
            _beingWritten = 0;
            StartWhenIdle();
        }
    }

    /// <summary>Takes the result of a message; its record starts at once, or after the one being committed.</summary>
    public void Add(ClaimedMessage claim, SendOutcome outcome)
    {
        _waiting.Add((claim, outcome));
        StartWhenIdle();
    }

    /// <summary>Commits every result taken; throws when a record failed (those messages stay claimed until it runs out).</summary>
    public async Task FlushAsync()
    {
        while (true)
        {
            await _writing;
            _beingWritten = 0;
            if (_waiting.Count == 0)
            {
                return;
            }

            StartWhenIdle();
        }
    }

    private void StartWhenIdle()
    {
        if (!_writing.IsCompleted || _waiting.Count == 0)
        {
            return;
        }

        // Surfaces a record that failed: the run stops sending.
        _writing.GetAwaiter().GetResult();
        var group = _waiting.ToList();
        _waiting.Clear();
        _beingWritten = group.Count;
        _writing = WriteAsync(group);
    }

    private async Task WriteAsync(List<(ClaimedMessage Claim, SendOutcome Outcome)> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteOnceAsync(group);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < ConflictRetries)
            {
                // A row of the group changed under its claim (it ran out and another node took it): read them again,
                // and that one is left to its new holder.
                logger.LogDebug("An outbox row changed while its result was recorded; recording the group again.");
            }
        }
    }

    private async Task WriteOnceAsync(List<(ClaimedMessage Claim, SendOutcome Outcome)> group)
    {
        // Not the run's token: what was sent must be recorded even when the run is being stopped.
        await using var session = await store.BeginAsync(CancellationToken.None);
        var rows = (await session.Facet<IOutbox>().FindAllAsync([.. group.Select(g => g.Claim.Message.Id)], CancellationToken.None))
            .ToDictionary(m => m.Id);
        var now = clock.GetCurrentInstant();
        foreach (var (claim, outcome) in group)
        {
            if (!rows.TryGetValue(claim.Message.Id, out var message) || message.Version != claim.Version)
            {
                logger.LogWarning("Outbox message {MessageId} changed while this node held its claim; its result ({Outcome}) is not recorded.",
                    claim.Message.Id, outcome.Kind);
                continue;
            }

            Apply(message, claim, outcome, now);
        }

        await session.CommitAsync(CancellationToken.None);
    }

    private void Apply(OutboxMessage message, ClaimedMessage claim, SendOutcome outcome, Instant now)
    {
        switch (outcome.Kind)
        {
            case SendOutcomeKind.Sent:
                message.MarkSent(now, outcome.ServerReply ?? "");
                logger.LogInformation("Sent outbox message {MessageId} to {To}: {Reply}", message.Id, message.To, outcome.ServerReply);
                break;
            case SendOutcomeKind.NotTried:
                message.Unclaim(claim.DueAt);
                logger.LogDebug("Outbox message {MessageId} was not tried in this run; it is free to claim again.", message.Id);
                break;
            case SendOutcomeKind.Retry when message.Attempts < options.MaxAttempts:
                var next = now + Duration.FromTimeSpan(options.RetryDelayAfter(message.Attempts));
                message.MarkRetry(next, outcome.Reason!, outcome.ServerReply);
                logger.LogWarning("Outbox message {MessageId} to {To} failed for now (attempt {Attempts} of {Max}): {Reason} {Reply}; next attempt at {Next}.",
                    message.Id, message.To, message.Attempts, options.MaxAttempts, outcome.Reason, outcome.ServerReply, next);
                break;
            case SendOutcomeKind.Retry:
                message.MarkFailed($"Given up after {message.Attempts} attempts. {outcome.Reason}", outcome.ServerReply);
                logger.LogError("Outbox message {MessageId} to {To} failed: {Reason}", message.Id, message.To, message.FailureReason);
                break;
            default:
                message.MarkFailed(outcome.Reason!, outcome.ServerReply);
                logger.LogError("Outbox message {MessageId} to {To} failed: {Reason} {Reply}", message.Id, message.To, outcome.Reason, outcome.ServerReply);
                break;
        }
    }
}
