using System.Threading.Channels;

namespace BusFlow.Notifications.Delivery;

/// <summary>
/// This node's request for an <see cref="ImmediateDelivery"/> run: from the store after mail commits
/// (with <see cref="MailOptions.DeliverAfterCommit"/>) and from code that hurries a confirmation code.
/// Requests made while one is pending fold into it. It needs nothing, so the store can depend on it.
/// </summary>
public sealed class DeliverySignal : IDeliveryTrigger, IOutboxCommitListener
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void DeliverSoon() => _requests.Writer.TryWrite(true);

    public void MailCommitted() => DeliverSoon();

    /// <summary>Waits for a request and takes it; false once the node stops.</summary>
    internal async Task<bool> WaitAsync(CancellationToken ct)
    {
        if (!await _requests.Reader.WaitToReadAsync(ct))
        {
            return false;
        }

        _requests.Reader.TryRead(out _);
        return true;
    }
}
