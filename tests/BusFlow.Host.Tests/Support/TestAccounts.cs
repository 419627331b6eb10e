using System.Net.Http.Headers;
using BusFlow.Accounts;
using BusFlow.Accounts.Tokens;
using BusFlow.Web.Accounts;
using BusFlow.Storage;
using BusFlow.Web;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Support;

/// <summary>Accounts for tests, made through the same services as `busflow users add`, with a personal API token.</summary>
public static class TestAccounts
{
    public const string AdministratorEmail = "admin@busflow.test";
    public const string Password = "correct horse battery staple";

    /// <summary>Creates the account (unless it exists) and a token for it; returns the token's secret.</summary>
    public static async Task<string> TokenForAsync(IServiceProvider services, string email, IReadOnlyList<string> roles, bool write = true)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        await accounts.EnsureRolesAsync();
        var user = await accounts.FindAsync(email);
        if (user is null)
        {
            var errors = await accounts.AddAsync(email, null, Password, roles);
            Assert.True(errors.Count == 0, string.Join(" ", errors));
            user = await accounts.FindAsync(email);
        }
        else if (roles.Count > 0)
        {
            await accounts.SetRolesAsync(user, [.. (await accounts.RolesOfAsync(user)).Union(roles)]);
        }

        var issuer = scope.ServiceProvider.GetRequiredService<ApiTokenIssuer>();
        var (_, secret) = await issuer.CreateAsync(user!.Id, "tests", 30, write ? [ApiTokenScopes.Write] : [ApiTokenScopes.Read], CancellationToken.None);
        return secret;
    }

    /// <summary>An administrator's token made straight in a database, for a host that runs as its own process.</summary>
    public static async Task<string> AdministratorTokenInAsync(BusFlow.Testing.TestDatabase database)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<NodaTime.IClock>(NodaTime.SystemClock.Instance)
            .AddBusFlowStorage(new BusFlow.Storage.StorageOptions { Provider = database.Provider, ConnectionString = database.ConnectionString })
            .AddBusFlowAccountTools(new BusFlow.Web.Security.SignInSettings())
            .BuildServiceProvider();
        return await TokenForAsync(services, AdministratorEmail, Administrator);
    }

    /// <summary>An HTTP client of the host that sends <paramref name="token"/> as its bearer token.</summary>
    public static HttpClient ClientWith(Uri baseAddress, string? token)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static IReadOnlyList<string> Administrator { get; } = [AccountRoles.Administrator];
}
