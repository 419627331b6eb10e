using System.Net;
using System.Net.Http.Json;
using BusFlow.Accounts;
using BusFlow.Host.Api.Accounts;
using BusFlow.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Api.Accounts;

/// <summary>
/// The accounts as an administrator manages them through the API: listed, their roles set, disabled
/// and enabled; and the guards that keep her from locking every administrator out.
/// </summary>
public sealed class UserApiTests(AccountsHostFixture host) : IClassFixture<AccountsHostFixture>
{
    /// <summary>How soon a disabled account's open session ends, as SignInServiceCollectionExtensions promises (its security stamp is checked once a minute).</summary>

    [Fact]
    public async Task The_list_shows_each_account_with_its_roles_but_no_password_hash_or_security_stamp()
    {
        await TestAccounts.TokenForAsync(host.Host.Services, "lena@busflow.test", [AccountRoles.Secretary, AccountRoles.Viewer]);
        var stored = await StoredAsync("lena@busflow.test");

        var text = await host.Administrator.GetStringAsync("/api/users");
        var users = (await host.Administrator.GetFromJsonAsync<List<UserResponse>>("/api/users", RunningHost.Json))!;

        var lena = Assert.Single(users, u => u.Email == "lena@busflow.test");
        Assert.Equal([AccountRoles.Secretary, AccountRoles.Viewer], lena.Roles);
        Assert.False(lena.Disabled);
        Assert.Equal([AccountRoles.Administrator], Assert.Single(users, u => u.Email == TestAccounts.AdministratorEmail).Roles);
        Assert.DoesNotContain(stored.PasswordHash!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.SecurityStamp!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Setting_roles_replaces_them_and_the_accounts_token_acts_with_the_new_ones_at_once()
    {
        const string email = "stina@busflow.test";
        using var stina = await host.Host.ClientForAsync(email, [AccountRoles.Secretary]);
        Assert.Equal(HttpStatusCode.Forbidden, (await stina.GetAsync("/api/instances")).StatusCode);

        using var response = await host.Administrator.PutAsJsonAsync($"/api/users/{await IdOfAsync(email)}/roles", new { roles = new[] { "viewer" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([AccountRoles.Viewer], (await response.ReadAsync<UserResponse>()).Roles);
        Assert.Equal([AccountRoles.Viewer], (await UserAsync(email)).Roles);
        Assert.Equal(HttpStatusCode.OK, (await stina.GetAsync("/api/instances")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_role_is_a_422_problem_and_the_roles_stay_as_they_were()
    {
        const string email = "berit@busflow.test";
        await TestAccounts.TokenForAsync(host.Host.Services, email, [AccountRoles.Secretary]);

        using var response = await host.Administrator.PutAsJsonAsync($"/api/users/{email}/roles", new { roles = new[] { AccountRoles.Viewer, "Boss" } });

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "'Boss' is not a role");
        Assert.Equal("$.roles", problem.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal([AccountRoles.Secretary], (await UserAsync(email)).Roles);
    }

    [Fact]
    public async Task An_unknown_account_is_a_404_problem()
    {
        await Problems.AssertAsync(await host.Administrator.PostAsync("/api/users/nobody@busflow.test/disable", null), HttpStatusCode.NotFound, "No account");
        await Problems.AssertAsync(
            await host.Administrator.PutAsJsonAsync($"/api/users/{Guid.NewGuid()}/roles", new { roles = new[] { AccountRoles.Viewer } }), HttpStatusCode.NotFound, "No account");
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_its_token_stops_at_once_and_its_session_within_a_minute_until_it_is_enabled_again()
    {
        const string email = "dora@busflow.test";
        using var session = await host.SessionAsync(email, [AccountRoles.Viewer]);
        var token = await AccountsHostFixture.MakeTokenAsync(session, "Doras skript");
        using var machine = host.ClientWith(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/tokens")).StatusCode);
        var id = await IdOfAsync(email);

        using var disable = await host.Administrator.PostAsync($"/api/users/{id}/disable", null);

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.True((await disable.ReadAsync<UserResponse>()).Disabled);
        await Problems.AssertAsync(await machine.GetAsync("/api/tokens"), HttpStatusCode.Unauthorized);
        using (var browser = new SessionClient(host.Host.BaseAddress))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync(email, TestAccounts.Password)).StatusCode);
        }

        // The session's security stamp is checked once a minute on BusFlow's clock.
        host.Clock.Advance(NodaTime.Duration.FromMinutes(1) + NodaTime.Duration.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.GetAsync("/api/tokens")).StatusCode);

        using var enable = await host.Administrator.PostAsync($"/api/users/{id}/enable", null);

        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.False((await enable.ReadAsync<UserResponse>()).Disabled);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/tokens")).StatusCode);
        using var again = new SessionClient(host.Host.BaseAddress);
        Assert.Equal("/", (await again.SignInAsync(email, TestAccounts.Password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Only_the_right_password_learns_that_an_account_is_disabled()
    {
        const string email = "ebba@busflow.test";
        await TestAccounts.TokenForAsync(host.Host.Services, email, [AccountRoles.Viewer]);
        (await host.Administrator.PostAsync($"/api/users/{email}/disable", null)).EnsureSuccessStatusCode();
        using var browser = new SessionClient(host.Host.BaseAddress);

        var wrong = await browser.SignInAsync(email, "a guess that is wrong");
        var unknown = await browser.SignInAsync("nobody@busflow.test", "a guess that is wrong");
        var right = await browser.SignInAsync(email, TestAccounts.Password);

        Assert.All([wrong, unknown, right], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Contains("E-postadressen eller lösenordet är fel.", await PageTextAsync(wrong), StringComparison.Ordinal);
        Assert.DoesNotContain("avstängt", await PageTextAsync(wrong), StringComparison.Ordinal);
        Assert.Contains("E-postadressen eller lösenordet är fel.", await PageTextAsync(unknown), StringComparison.Ordinal);
        Assert.Contains("Kontot är avstängt.", await PageTextAsync(right), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_her_own_account()
    {
        var id = await IdOfAsync(TestAccounts.AdministratorEmail);

        using var response = await host.Administrator.PostAsync($"/api/users/{id}/disable", null);

        await Problems.AssertAsync(response, HttpStatusCode.Conflict, "You cannot disable your own account");
        Assert.False((await UserAsync(TestAccounts.AdministratorEmail)).Disabled);
        Assert.Equal(HttpStatusCode.OK, (await host.Administrator.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task The_last_administrator_keeps_her_role_but_one_of_two_may_give_hers_up()
    {
        var id = await IdOfAsync(TestAccounts.AdministratorEmail);

        using var refused = await host.Administrator.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { AccountRoles.Viewer } });

        await Problems.AssertAsync(refused, HttpStatusCode.Conflict, "last enabled administrator");
        Assert.Equal([AccountRoles.Administrator], (await UserAsync(TestAccounts.AdministratorEmail)).Roles);

        const string second = "tilda@busflow.test";
        using var tilda = await host.Host.ClientForAsync(second, TestAccounts.Administrator);
        using var givenUp = await tilda.PutAsJsonAsync($"/api/users/{second}/roles", new { roles = new[] { AccountRoles.Viewer } });

        Assert.Equal(HttpStatusCode.OK, givenUp.StatusCode);
        Assert.Equal([AccountRoles.Viewer], (await UserAsync(second)).Roles);
    }

    private static async Task<string> PageTextAsync(HttpResponseMessage page) => WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

    private async Task<UserResponse> UserAsync(string email) =>
        Assert.Single((await host.Administrator.GetFromJsonAsync<List<UserResponse>>("/api/users", RunningHost.Json))!, u => u.Email == email);

    private async Task<string> IdOfAsync(string email) => (await UserAsync(email)).Id;

    private async Task<BusFlowUser> StoredAsync(string email)
    {
        await using var scope = host.Host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<BusFlowUser>>().FindByEmailAsync(email))!;
    }
}
