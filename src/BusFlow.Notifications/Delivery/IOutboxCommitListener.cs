namespace BusFlow.Notifications.Delivery;

/// <summary>
/// Told by the workflow store after a transaction that put mail in the outbox has committed — never
/// before, so whoever delivers finds the mail there. Must return at once: the caller is a person's request.
/// </summary>
public interface IOutboxCommitListener
{
    void MailCommitted();
}
