using BusFlow.Accounts;

namespace BusFlow.Host.Api.Accounts;

public sealed record SetRolesRequest(List<string>? Roles);

public sealed record UserResponse(string Id, string? Email, string? DisplayName, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactor, DateTimeOffset? LockedOutUntil)
{
    public static UserResponse From(BusFlowUser user, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Email, user.DisplayName, [.. roles.Order()], user.IsDisabled, user.TwoFactorEnabled,
            user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null);
    }
}
