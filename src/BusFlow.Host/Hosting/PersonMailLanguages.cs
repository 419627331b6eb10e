using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Messages;

namespace BusFlow.Host.Hosting;

/// <summary>Mail to a person in the directory is written in the language kept with her (Person.Language).</summary>
internal sealed class PersonMailLanguages : IRecipientLanguages
{
    public async Task<string?> FindAsync(string address, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (await session.Facet<IBusRecords>().FindPersonByEmailAsync(address, ct))?.Language;
    }
}
