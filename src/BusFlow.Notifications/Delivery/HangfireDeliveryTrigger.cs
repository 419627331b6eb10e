using Hangfire;

namespace BusFlow.Notifications.Delivery;

/// <summary>Delivers the outbox in a Hangfire job enqueued now, on whichever node is free.</summary>
public sealed class HangfireDeliveryTrigger(IBackgroundJobClient jobs) : IDeliveryTrigger
{
    public void DeliverSoon() => jobs.Enqueue<OutboxDeliveryJob>(job => job.RunAsync(CancellationToken.None));
}
