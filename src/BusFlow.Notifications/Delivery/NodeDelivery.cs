namespace BusFlow.Notifications.Delivery;

/// <summary>
/// This node's background delivery runs (the scheduled job's and <see cref="ImmediateDelivery"/>'s), one at a
/// time: a run asked for while one is going makes that one go round again instead of starting beside it. So a
/// node holds at most one claimed batch at any moment, and a crash or an outage leaves at most
/// <see cref="OutboxDelivery.MostUnrecorded"/> per node to be sent twice. Only a lock in this process, so nothing
/// of it outlives the node.
/// </summary>
public sealed class NodeDelivery(OutboxDelivery delivery) : IDisposable
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private int _asked;

    /// <summary>What this call delivered; empty when the run going already took the request.</summary>
    public async Task<DeliveryReport> RunAsync(CancellationToken ct)
    {
        Interlocked.Exchange(ref _asked, 1);
        var total = new DeliveryReport(0, 0, 0, 0);
        // A request that came just as the running one let go is taken by whoever gets the semaphore next.
        while (Volatile.Read(ref _asked) == 1 && await _running.WaitAsync(0, ct))
        {
            try
            {
                while (Interlocked.Exchange(ref _asked, 0) == 1)
                {
                    total += await delivery.DeliverDueAsync(ct);
                }
            }
            finally
            {
                _running.Release();
            }
        }

        return total;
    }

    public void Dispose() => _running.Dispose();
}
