using BusFlow.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Support;

/// <summary>Accounts signed in through the pages, as a person does: password, and TOTP where the account has it.</summary>
public static class TestSessions
{
    /// <summary>Makes the account (with TOTP when asked), signs it in, and keeps <paramref name="bearerToken"/> on the client if given.</summary>
    public static async Task<SessionClient> SignedInAsync(RunningHost host, string email, IReadOnlyList<string> roles, bool totp, string? bearerToken = null)
    {
        var key = await PrepareAsync(host.Services, email, roles, totp);
        var client = new SessionClient(host.BaseAddress, bearerToken);
        var signedIn = await client.SignInAsync(email, TestAccounts.Password, key);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        return client;
    }

    /// <summary>An administrator signed in with password and TOTP.</summary>
    public static Task<SessionClient> AdministratorAsync(RunningHost host) =>
        SignedInAsync(host, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);

    /// <summary>Makes the account if it is missing; with <paramref name="totp"/>, a fresh authenticator key, returned.</summary>
    public static async Task<string?> PrepareAsync(IServiceProvider services, string email, IReadOnlyList<string> roles, bool totp)
    {
        await TestAccounts.TokenForAsync(services, email, roles);
        if (!totp)
        {
            return null;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BusFlowUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return await users.GetAuthenticatorKeyAsync(user);
    }
}
