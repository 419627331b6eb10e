using BusFlow.Accounts;
using BusFlow.Accounts.Setup;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace BusFlow.Web.Accounts;

/// <summary>
/// The first administrator: while there is none, each start issues a one-time setup link (24 hours,
/// used once, stored hashed) that the console and the log show; the setup page redeems it.
/// </summary>
public sealed class FirstAdministrator(ISetupLinks links, UserManager<BusFlowUser> users, AccountAdministration accounts, IClock clock)
{
    public const string PathPrefix = "/installera/";

    public async Task<bool> ExistsAsync() => (await users.GetUsersInRoleAsync(AccountRoles.Administrator)).Count > 0;

    /// <summary>A new setup link's secret when there is no administrator; null when there is one.</summary>
    public async Task<string?> IssueLinkIfNoneAsync(CancellationToken ct)
    {
        await accounts.EnsureRolesAsync();
        if (await ExistsAsync())
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var secret = Secrets.New(SetupLink.SecretPrefix);
        await links.AddAsync(new SetupLink { Id = Guid.CreateVersion7(), Hash = Secrets.Hash(secret), CreatedAt = now, ExpiresAt = now + SetupLink.Lifetime }, ct);
        return secret;
    }

    /// <summary>The live link of a presented secret; null when it is unknown, used or expired, or an administrator exists.</summary>
    public async Task<SetupLink?> FindLiveAsync(string? secret, CancellationToken ct)
    {
        if (secret is not { Length: > 0 and <= 100 } || await links.FindByHashAsync(Secrets.Hash(secret), ct) is not { } link)
        {
            return null;
        }

        return link.IsLive(clock.GetCurrentInstant()) && !await ExistsAsync() ? link : null;
    }

    /// <summary>Uses the link once and creates the administrator; the errors when the password or address is refused.</summary>
    public async Task<IReadOnlyList<string>> RedeemAsync(SetupLink link, string email, string? name, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        var user = AccountAdministration.NewUser(email, name, clock.GetCurrentInstant());
        var checks = await AccountAdministration.CheckPasswordAsync(users, user, password);
        if (checks.Count > 0)
        {
            return checks;
        }

        if (!await links.TryUseAsync(link.Id, clock.GetCurrentInstant(), ct))
        {
            return ["The setup link was used meanwhile."];
        }

        await accounts.EnsureRolesAsync();
        return await AccountAdministration.CreateAsync(users, user, password, [AccountRoles.Administrator]);
    }
}
