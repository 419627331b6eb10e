using BusFlow.Engine.Persistence;

namespace BusFlow.Notifications.Messages;

/// <summary>The language a mail to an address is rendered in: the person's own, Swedish when none is known.</summary>
public sealed class MailLanguages(IEnumerable<IRecipientLanguages> sources)
{
    public const string Swedish = "sv-SE";

    public async Task<string> OfAsync(string address, IWorkflowSession session, CancellationToken ct)
    {
        foreach (var source in sources)
        {
            if (await source.FindAsync(address, session, ct) is { Length: > 0 } language)
            {
                return language;
            }
        }

        return Swedish;
    }
}
