using System.Net.Http.Json;
using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Host.Api.Accounts;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Cli;

/// <summary>`busflow users` as an operator on the server uses it, checked by signing in through the pages.</summary>
public sealed class UsersCommandTests(UsersCommandHostFixture host) : IClassFixture<UsersCommandHostFixture>
{
    private const string Password = "a long passphrase for tests";
    private const string NewPassword = "another long passphrase";

    [Fact]
    public async Task Add_with_a_password_from_standard_input_makes_an_account_that_signs_in_with_it()
    {
        var run = await host.UsersAsync(Password + "\n", "add", "--email", "Karin.Ek@Exempelby.test", "--name", "Karin Ek", "--role", "secretary", "--password-stdin");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["Created Karin.Ek@Exempelby.test."], run.OutputLines);
        Assert.DoesNotContain(Password, run.Output, StringComparison.Ordinal);
        var stored = (await host.StoredAsync("karin.ek@exempelby.test"))!;
        Assert.Equal("Karin Ek", stored.DisplayName);
        Assert.Equal([AccountRoles.Secretary], await host.RolesOfAsync(stored));
        Assert.True(await host.SignsInAsync("karin.ek@exempelby.test", Password));
    }

    [Fact]
    public async Task Add_without_a_password_makes_one_prints_it_once_and_it_signs_in()
    {
        var run = await host.UsersAsync("", "add", "--email", "nils@exempelby.test", "--role", "Viewer");

        Assert.True(run.ExitCode == 0, run.Error);
        const string shown = "Password (shown once; change it after signing in): ";
        var made = Assert.Single(run.OutputLines, l => l.StartsWith(shown, StringComparison.Ordinal))[shown.Length..];
        Assert.True(made.Length >= 12, made);
        Assert.True(await host.SignsInAsync("nils@exempelby.test", made));
    }

    [Fact]
    public async Task List_shows_each_account_with_its_name_roles_and_state_but_no_secret()
    {
        await host.UsersAsync(Password, "add", "--email", "elsa@exempelby.test", "--name", "Elsa Berg", "--role", "Viewer", "--role", "Secretary", "--password-stdin");
        var stored = (await host.StoredAsync("elsa@exempelby.test"))!;

        var run = await host.UsersAsync("", "list");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("elsa@exempelby.test\tElsa Berg\tSecretary,Viewer\tpassword only", run.OutputLines);
        Assert.Contains(run.OutputLines, l => l.StartsWith(TestAccounts.AdministratorEmail + "\t", StringComparison.Ordinal) && l.Contains(AccountRoles.Administrator, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.PasswordHash!, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.SecurityStamp!, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_keeps_the_account_out_and_enable_lets_it_in_again()
    {
        await host.UsersAsync(Password, "add", "--email", "ove@exempelby.test", "--role", "Viewer", "--password-stdin");

        var disabled = await host.UsersAsync("", "disable", "--email", "ove@exempelby.test");

        Assert.True(disabled.ExitCode == 0, disabled.Error);
        Assert.Equal(["ove@exempelby.test is disabled."], disabled.OutputLines);
        Assert.False(await host.SignsInAsync("ove@exempelby.test", Password));
        Assert.Contains("ove@exempelby.test\t\tViewer\tdisabled", (await host.UsersAsync("", "list")).OutputLines);

        var enabled = await host.UsersAsync("", "enable", "--email", "ove@exempelby.test");

        Assert.True(enabled.ExitCode == 0, enabled.Error);
        Assert.Equal(["ove@exempelby.test is enabled."], enabled.OutputLines);
        Assert.True(await host.SignsInAsync("ove@exempelby.test", Password));
    }

    [Fact]
    public async Task Reset_password_makes_the_old_password_fail_and_the_new_one_sign_in()
    {
        await host.UsersAsync(Password, "add", "--email", "rakel@exempelby.test", "--role", "Viewer", "--password-stdin");
        Assert.True(await host.SignsInAsync("rakel@exempelby.test", Password));

        var run = await host.UsersAsync(NewPassword + "\n", "reset-password", "--email", "rakel@exempelby.test", "--password-stdin");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["The password of rakel@exempelby.test is reset."], run.OutputLines);
        Assert.False(await host.SignsInAsync("rakel@exempelby.test", Password));
        Assert.True(await host.SignsInAsync("rakel@exempelby.test", NewPassword));
    }

    [Fact]
    public async Task Reset_password_lifts_a_lockout()
    {
        await host.UsersAsync(Password, "add", "--email", "alma@exempelby.test", "--role", "Viewer", "--password-stdin");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.False(await host.SignsInAsync("alma@exempelby.test", $"wrong guess number {attempt}"));
        }

        Assert.False(await host.SignsInAsync("alma@exempelby.test", Password));

        var run = await host.UsersAsync(NewPassword, "reset-password", "--email", "alma@exempelby.test", "--password-stdin");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(await host.SignsInAsync("alma@exempelby.test", NewPassword));
    }

    [Fact]
    public async Task A_too_short_password_is_refused_with_exit_code_1_and_nothing_changes()
    {
        await host.UsersAsync(Password, "add", "--email", "tor@exempelby.test", "--role", "Viewer", "--password-stdin");

        var add = await host.UsersAsync("kort", "add", "--email", "kim@exempelby.test", "--role", "Viewer", "--password-stdin");
        var reset = await host.UsersAsync("kort", "reset-password", "--email", "tor@exempelby.test", "--password-stdin");

        Assert.Equal(1, add.ExitCode);
        Assert.Contains("at least 12 characters", add.Error, StringComparison.Ordinal);
        Assert.Null(await host.StoredAsync("kim@exempelby.test"));
        Assert.Equal(1, reset.ExitCode);
        Assert.Contains("at least 12 characters", reset.Error, StringComparison.Ordinal);
        Assert.True(await host.SignsInAsync("tor@exempelby.test", Password));
    }

    [Fact]
    public async Task An_unknown_role_is_refused_with_exit_code_1_naming_the_roles_and_no_account_is_made()
    {
        var run = await host.UsersAsync(Password, "add", "--email", "boss@exempelby.test", "--role", "Boss", "--password-stdin");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["'Boss' is not a role: Administrator, Secretary, Viewer."], run.ErrorLines);
        Assert.Null(await host.StoredAsync("boss@exempelby.test"));
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("enable")]
    [InlineData("reset-password")]
    public async Task An_unknown_account_is_refused_with_exit_code_1(string command)
    {
        string[] args = command == "reset-password" ? [command, "--email", "nobody@exempelby.test", "--password-stdin"] : [command, "--email", "nobody@exempelby.test"];

        var run = await host.UsersAsync(NewPassword, args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["No account nobody@exempelby.test."], run.ErrorLines);
        Assert.Null(await host.StoredAsync("nobody@exempelby.test"));
    }

    [Fact]
    public async Task The_last_enabled_administrator_cannot_be_disabled_until_there_is_another()
    {
        var refused = await host.UsersAsync("", "disable", "--email", TestAccounts.AdministratorEmail);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("last enabled administrator", refused.Error, StringComparison.Ordinal);
        Assert.False((await host.StoredAsync(TestAccounts.AdministratorEmail))!.IsDisabled);

        await host.UsersAsync(Password, "add", "--email", "reserv@exempelby.test", "--role", "Administrator", "--password-stdin");
        var allowed = await host.UsersAsync("", "disable", "--email", TestAccounts.AdministratorEmail);
        var back = await host.UsersAsync("", "enable", "--email", TestAccounts.AdministratorEmail);

        Assert.True(allowed.ExitCode == 0, allowed.Error);
        Assert.True(back.ExitCode == 0, back.Error);
        Assert.False((await host.StoredAsync(TestAccounts.AdministratorEmail))!.IsDisabled);
    }

    [Fact]
    public async Task Each_change_is_in_the_audit_log_under_the_command_and_the_operating_system_user()
    {
        await host.UsersAsync(Password, "add", "--email", "gun@exempelby.test", "--role", "Viewer", "--password-stdin");
        await host.UsersAsync("", "disable", "--email", "gun@exempelby.test");
        await host.UsersAsync(NewPassword, "reset-password", "--email", "gun@exempelby.test", "--password-stdin");

        var lines = (await host.Host.Client.GetFromJsonAsync<List<AuditLineResponse>>("/api/audit?take=5000", RunningHost.Json))!
            .Where(l => l.Target == "gun@exempelby.test").OrderBy(l => l.Id).ToList();

        Assert.Equal(
            [
                (AuditActions.AccountCreated, $"busflow users add ({Environment.UserName})"),
                (AuditActions.AccountDisabled, $"busflow users disable ({Environment.UserName})"),
                (AuditActions.PasswordReset, $"busflow users reset-password ({Environment.UserName})"),
            ],
            lines.Select(l => (l.Action, l.Actor)));
        Assert.Equal("roles Viewer", lines[0].Detail);
        Assert.All(lines, l => Assert.DoesNotContain(Password, l.Detail ?? "", StringComparison.Ordinal));
    }
}
