using System.CommandLine;
using System.Security.Cryptography;
using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Storage;
using BusFlow.Web;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;

namespace BusFlow.Host.Cli;

/// <summary>
/// `busflow users add|list|disable|enable|reset-password`: accounts for operators without a browser,
/// on the configured database. A password is read from standard input with --password-stdin, or made
/// and printed once. Each change goes to the audit log with the operating-system user who ran it.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(IConfiguration configuration, TextReader input)
    {
        var email = new Option<string>("--email") { Description = "The account's e-mail address (links it to the person of the directory).", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown for the account." };
        var roles = new Option<string[]>("--role") { Description = $"A role: {string.Join(", ", AccountRoles.All)} (repeat for several).", AllowMultipleArgumentsPerToken = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of making one." };

        var add = new Command("add", "Creates an account.") { email, name, roles, passwordStdin };
        add.SetAction((parse, ct) => WithAccountsAsync(parse, configuration, ct, async (accounts, audit) =>
        {
            var wanted = parse.GetValue(roles) ?? [];
            if (wanted.FirstOrDefault(r => AccountRoles.Normalize(r) is null) is { } unknown)
            {
                return await ReportAsync(parse, [$"'{unknown}' is not a role: {string.Join(", ", AccountRoles.All)}."], "");
            }

            var password = await PasswordAsync(parse, passwordStdin, input);
            var errors = await accounts.AddAsync(parse.GetValue(email)!, parse.GetValue(name), password, wanted);
            if (errors.Count == 0)
            {
                await audit.RecordCommandAsync("busflow users add", AuditActions.AccountCreated, parse.GetValue(email)!.Trim().ToLowerInvariant(),
                    $"roles {string.Join(", ", wanted.Select(AccountRoles.Normalize))}");
            }

            return await ReportAsync(parse, errors, $"Created {parse.GetValue(email)}.", parse.GetValue(passwordStdin) ? null : password);
        }));

        var list = new Command("list", "Lists the accounts with their roles.");
        list.SetAction((parse, ct) => WithAccountsAsync(parse, configuration, ct, async (accounts, _) =>
        {
            foreach (var (user, userRoles) in await accounts.ListAsync())
            {
                var state = user.IsDisabled ? "disabled" : user.TwoFactorEnabled ? "TOTP" : "password only";
                await parse.Out().WriteLineAsync($"{user.Email}\t{user.DisplayName}\t{string.Join(",", userRoles.Order())}\t{state}");
            }

            return 0;
        }));

        var disable = new Command("disable", "Disables an account: it cannot sign in, its sessions end and its tokens stop.") { email };
        disable.SetAction((parse, ct) => SetDisabledAsync(parse, configuration, email, true, ct));
        var enable = new Command("enable", "Enables a disabled account again.") { email };
        enable.SetAction((parse, ct) => SetDisabledAsync(parse, configuration, email, false, ct));

        var reset = new Command("reset-password", "Sets a new password (and lifts a lockout).") { email, passwordStdin };
        reset.SetAction((parse, ct) => WithAccountsAsync(parse, configuration, ct, async (accounts, audit) =>
        {
            if (await accounts.FindAsync(parse.GetValue(email)!) is not { } user)
            {
                return await ReportAsync(parse, [$"No account {parse.GetValue(email)}."], "");
            }

            var password = await PasswordAsync(parse, passwordStdin, input);
            var errors = await accounts.ResetPasswordAsync(user, password);
            if (errors.Count == 0)
            {
                await audit.RecordCommandAsync("busflow users reset-password", AuditActions.PasswordReset, user.Email);
            }

            return await ReportAsync(parse, errors, $"The password of {user.Email} is reset.", parse.GetValue(passwordStdin) ? null : password);
        }));

        return new Command("users", "Manages the accounts that sign in to BusFlow.") { add, list, disable, enable, reset };
    }

    private static Task<int> SetDisabledAsync(ParseResult parse, IConfiguration configuration, Option<string> email, bool disabled, CancellationToken ct) =>
        WithAccountsAsync(parse, configuration, ct, async (accounts, audit) =>
        {
            if (await accounts.FindAsync(parse.GetValue(email)!) is not { } user)
            {
                return await ReportAsync(parse, [$"No account {parse.GetValue(email)}."], "");
            }

            if (disabled && await accounts.IsLastAdministratorAsync(user))
            {
                return await ReportAsync(parse, [$"{user.Email} is the last enabled administrator; add another administrator first."], "");
            }

            var result = await accounts.SetDisabledAsync(user, disabled);
            if (result.Succeeded)
            {
                await audit.RecordCommandAsync($"busflow users {(disabled ? "disable" : "enable")}", disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, user.Email);
            }

            return await ReportAsync(parse, [.. result.Errors.Select(e => e.Description)], $"{user.Email} is {(disabled ? "disabled" : "enabled")}.");
        });

    private static Task<int> WithAccountsAsync(ParseResult parse, IConfiguration configuration, CancellationToken ct, Func<AccountAdministration, AuditTrail, Task<int>> act) =>
        CommandOutput.GuardAsync(parse, async () =>
        {
            await using var services = CommandServices.OnConfiguredDatabase(configuration)
                .AddBusFlowAccountTools(SignInSettings.From(configuration))
                .BuildServiceProvider();
            await BusFlowDatabase.MigrateAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            await accounts.EnsureRolesAsync();
            return await act(accounts, scope.ServiceProvider.GetRequiredService<AuditTrail>());
        });

    private static async Task<string> PasswordAsync(ParseResult parse, Option<bool> fromStdin, TextReader input) =>
        parse.GetValue(fromStdin)
            ? (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? ""
            : Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'k').Replace('/', 'm');

    private static async Task<int> ReportAsync(ParseResult parse, IReadOnlyList<string> errors, string done, string? madePassword = null)
    {
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await parse.Error().WriteLineAsync(error);
            }

            return 1;
        }

        await parse.Out().WriteLineAsync(done);
        if (madePassword is not null)
        {
            await parse.Out().WriteLineAsync($"Password (shown once; change it after signing in): {madePassword}");
        }

        return 0;
    }
}
