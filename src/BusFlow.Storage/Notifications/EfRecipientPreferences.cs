using BusFlow.Notifications.Preferences;

namespace BusFlow.Storage.Notifications;

/// <summary>Recipients' preferences on a workflow session's own context and transaction.</summary>
internal sealed class EfRecipientPreferences(BusFlowDbContext db) : IRecipientPreferences
{
    // A key lookup: FindAsync sees rows added in this session without a flush.
    public async Task<RecipientPreference?> FindAsync(string address, CancellationToken ct) =>
        await db.RecipientPreferences.FindAsync([address.Trim().ToLowerInvariant()], ct);

    public void Add(RecipientPreference preference)
    {
        ArgumentNullException.ThrowIfNull(preference);
        preference.Address = preference.Address.Trim().ToLowerInvariant();
        db.RecipientPreferences.Add(preference);
    }
}
