using System.Diagnostics.Metrics;
using BusFlow.Engine.Diagnostics;

namespace BusFlow.Notifications.Delivery;

/// <summary>What the outbox delivery counts on the "BusFlow" meter, per node: mail sent, and mail given up.</summary>
public static class MailTelemetry
{
    public static readonly Counter<long> Sent = BusFlowTelemetry.Meter.CreateCounter<long>(
        "busflow.mails.sent", "{message}", "Outbox messages this node handed to the mail server (or wrote to the mail folder).");

    public static readonly Counter<long> Failed = BusFlowTelemetry.Meter.CreateCounter<long>(
        "busflow.mails.failed", "{message}", "Outbox messages this node gave up on (refused for good, or too many attempts).");

    public static readonly Counter<long> Retrying = BusFlowTelemetry.Meter.CreateCounter<long>(
        "busflow.mails.retrying", "{message}", "Sending attempts that failed for now; the message is tried again later.");

    /// <summary>Adds what one batch of a delivery run did.</summary>
    public static void Record(DeliveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Add(Sent, report.Sent);
        Add(Failed, report.Failed);
        Add(Retrying, report.Retrying);
    }

    private static void Add(Counter<long> counter, int count)
    {
        if (count > 0)
        {
            counter.Add(count);
        }
    }
}
