using BusFlow.Accounts;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace BusFlow.Web.Security;

/// <summary>
/// A TOTP code is accepted once (NIST SP 800-63B): Identity accepts a code for about two and a half
/// minutes, two 30-second steps either side of now, and would accept it again, so whoever saw it typed
/// could use it. The last accepted code is remembered, hashed, on the account; a code typed twice at once
/// is refused the second time by the account's concurrency stamp.
/// </summary>
public static class TotpCodes
{
    private const string Provider = "BusFlow";
    private const string Name = "last-totp";
    private static readonly Duration Remembered = Duration.FromMinutes(3);

    public static async Task<bool> VerifyOnceAsync(UserManager<BusFlowUser> users, BusFlowUser user, string? typed, Instant now)
    {
        ArgumentNullException.ThrowIfNull(users);
        var code = (typed ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length is < 6 or > 8 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return false;
        }

        var hash = Secrets.Hash(code);
        if (await users.GetAuthenticationTokenAsync(user, Provider, Name) is { } last && WasUsedRecently(last, hash, now))
        {
            return false;
        }

        return (await users.SetAuthenticationTokenAsync(user, Provider, Name, $"{hash} {now.ToUnixTimeSeconds()}")).Succeeded;
    }

    private static bool WasUsedRecently(string last, string hash, Instant now)
    {
        var parts = last.Split(' ');
        return parts.Length == 2 && parts[0] == hash && long.TryParse(parts[1], out var seconds)
            && now - Instant.FromUnixTimeSeconds(seconds) < Remembered;
    }
}
