using BusFlow.Engine.Persistence;

namespace BusFlow.Notifications.Messages;

/// <summary>
/// Where the language a person reads mail in is kept: the domain's directory of people, read in the
/// transaction that writes the mail. An extension point: a host registers one; without one every mail
/// is Swedish.
/// </summary>
public interface IRecipientLanguages
{
    /// <returns>A language tag ("sv", "en", "en-GB") for the address; null when the address is nobody's known.</returns>
    Task<string?> FindAsync(string address, IWorkflowSession session, CancellationToken ct);
}
