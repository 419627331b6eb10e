using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;
using NodaTime;

namespace BusFlow.Notifications.Preferences;

/// <summary>
/// One-click unsubscribe (RFC 8058) from the weekly digest: the link's secret names the person.
/// Doing it twice changes nothing more; required task mail is not affected.
/// </summary>
public sealed class Unsubscriber(IWorkflowStore store, IClock clock)
{
    /// <summary>Whose link it is, without changing anything; null when the link is unknown or withdrawn.</summary>
    public async Task<string?> FindRecipientAsync(string secret, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return (await FindAsync(session, secret, ct))?.Recipient;
    }

    /// <summary>Turns the weekly digest off for the link's person; null when the link is unknown or withdrawn.</summary>
    public async Task<string?> UnsubscribeAsync(string secret, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        if (await FindAsync(session, secret, ct) is not { } token)
        {
            return null;
        }

        var preferences = session.Facet<IRecipientPreferences>();
        var now = clock.GetCurrentInstant();
        if (await preferences.FindAsync(token.Recipient, ct) is { } existing)
        {
            if (existing.WeeklyDigest)
            {
                existing.WeeklyDigest = false;
                existing.ChangedAt = now;
            }
        }
        else
        {
            preferences.Add(new RecipientPreference { Address = token.Recipient, WeeklyDigest = false, ChangedAt = now });
        }

        await session.CommitAsync(ct);
        return token.Recipient;
    }

    private async Task<LinkToken?> FindAsync(IWorkflowSession session, string secret, CancellationToken ct) =>
        LinkIssuer.LookupHash(LinkPurpose.Unsubscribe, secret) is { } hash
        && await session.Facet<ILinkTokens>().FindByHashAsync(hash, ct) is { Purpose: LinkPurpose.Unsubscribe } token
        && token.IsLive(clock.GetCurrentInstant())
            ? token
            : null;
}
