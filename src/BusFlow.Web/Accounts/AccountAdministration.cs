using BusFlow.Accounts;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace BusFlow.Web.Accounts;

/// <summary>What the setup page, the users API and `busflow users` do with accounts: create, list, disable, reset passwords.</summary>
public sealed class AccountAdministration(UserManager<BusFlowUser> users, RoleManager<IdentityRole> roles, IClock clock)
{
    public async Task<IReadOnlyList<string>> AddAsync(string email, string? name, string password, IEnumerable<string> accountRoles)
    {
        var wanted = accountRoles.Select(r => AccountRoles.Normalize(r) ?? throw new ArgumentException($"'{r}' is not a role ({string.Join(", ", AccountRoles.All)}).", nameof(accountRoles))).ToList();
        await EnsureRolesAsync();
        return await CreateAsync(users, NewUser(email, name, clock.GetCurrentInstant()), password, wanted);
    }

    /// <summary>An account that signs in only through OpenID Connect: it has no password.</summary>
    public async Task<IReadOnlyList<string>> AddExternalAsync(string email, string? name)
    {
        var created = await users.CreateAsync(NewUser(email, name, clock.GetCurrentInstant()));
        return Errors(created);
    }

    public async Task<IReadOnlyList<(BusFlowUser User, IList<string> Roles)>> ListAsync()
    {
        var list = new List<(BusFlowUser, IList<string>)>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
        {
            list.Add((user, await users.GetRolesAsync(user)));
        }

        return list;
    }

    public Task<IList<string>> RolesOfAsync(BusFlowUser user) => users.GetRolesAsync(user);

    public Task<BusFlowUser?> FindAsync(string emailOrId) =>
        emailOrId.Contains('@', StringComparison.Ordinal) ? users.FindByEmailAsync(emailOrId) : users.FindByIdAsync(emailOrId);

    /// <summary>Disables (or enables) an account; a disabled one's sessions end at their next check and its tokens stop.</summary>
    public async Task<IdentityResult> SetDisabledAsync(BusFlowUser user, bool disabled)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.IsDisabled = disabled;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result;
    }

    /// <summary>
    /// Whether the account is the only enabled administrator: disabling it or taking its role would leave
    /// nobody to administer BusFlow, and only `busflow users` on the server could mend that. The
    /// administration API and `busflow users` refuse such a change; an OpenID Connect provider's groups
    /// still decide its users' roles.
    /// </summary>
    public async Task<bool> IsLastAdministratorAsync(BusFlowUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsDisabled || !await users.IsInRoleAsync(user, AccountRoles.Administrator))
        {
            return false;
        }

        return !(await users.GetUsersInRoleAsync(AccountRoles.Administrator)).Any(a => a.Id != user.Id && !a.IsDisabled);
    }

    public async Task<IReadOnlyList<string>> ResetPasswordAsync(BusFlowUser user, string password)
    {
        var checks = await CheckPasswordAsync(users, user, password);
        if (checks.Count > 0)
        {
            return checks;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        return Errors(result);
    }

    /// <summary>Makes sure the roles exist (a start does this, so the first administrator can be made).</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in AccountRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task<IdentityResult> SetRolesAsync(BusFlowUser user, IReadOnlyCollection<string> wanted)
    {
        await EnsureRolesAsync();
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        return removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
    }

    internal static BusFlowUser NewUser(string email, string? name, Instant now) => new()
    {
        UserName = email.Trim().ToLowerInvariant(),
        Email = email.Trim().ToLowerInvariant(),
        EmailConfirmed = true,
        DisplayName = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
        CreatedAt = now,
    };

    internal static async Task<IReadOnlyList<string>> CheckPasswordAsync(UserManager<BusFlowUser> users, BusFlowUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange(Errors(await validator.ValidateAsync(users, user, password)));
        }

        return errors;
    }

    internal static async Task<IReadOnlyList<string>> CreateAsync(UserManager<BusFlowUser> users, BusFlowUser user, string password, IReadOnlyCollection<string> accountRoles)
    {
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Errors(created);
        }

        return accountRoles.Count == 0 ? [] : Errors(await users.AddToRolesAsync(user, accountRoles));
    }

    private static IReadOnlyList<string> Errors(IdentityResult result) => [.. result.Errors.Select(e => e.Description)];
}
