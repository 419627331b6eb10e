namespace BusFlow.Notifications.Preferences;

/// <summary>Recipients' preferences in the workflow's own transaction (<c>session.Facet&lt;IRecipientPreferences&gt;()</c>).</summary>
public interface IRecipientPreferences
{
    /// <summary>The person's row, tracked; null means the defaults.</summary>
    Task<RecipientPreference?> FindAsync(string address, CancellationToken ct);

    void Add(RecipientPreference preference);
}
