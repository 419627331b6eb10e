namespace BusFlow.Notifications.Delivery;

/// <summary>
/// Asks for the outbox to be delivered now rather than at the next scheduled run: for mail someone
/// is waiting for (a confirmation code). The mail is in the outbox either way; this only hurries it.
/// </summary>
public interface IDeliveryTrigger
{
    void DeliverSoon();
}

/// <summary>Without a job server: the scheduled delivery will come.</summary>
public sealed class NoDeliveryTrigger : IDeliveryTrigger
{
    public void DeliverSoon()
    {
    }
}
