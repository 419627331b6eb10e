using System.CommandLine;
using System.Security.Cryptography;
using BusFlow.Accounts;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Storage;
using BusFlow.Web;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using NodaTime;

namespace BusFlow.Host.Cli;

/// <summary>
/// `busflow users add|list|disable|enable|reset-password`: accounts for operators without a browser,
/// on the configured database. A password is read from standard input with --password-stdin, or made
/// and printed once.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var email = new Option<string>("--email") { Description = "The account's e-mail address (links it to the person of the directory).", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown for the account." };
        var roles = new Option<string[]>("--role") { Description = $"A role: {string.Join(", ", AccountRoles.All)} (repeat for several).", AllowMultipleArgumentsPerToken = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of making one." };

        var add = new Command("add", "Creates an account.") { email, name, roles, passwordStdin };
        add.SetAction((parse, ct) => WithAccountsAsync(parse, configuration, ct, async accounts =>
        {
            var password = await PasswordAsync(parse, passwordStdin);
            var errors = await accounts.AddAsync(parse.GetValue(email)!, parse.GetValue(name), password, parse.GetValue(roles) ?? []);
            return await ReportAsync(parse, errors, $"Created {parse.GetValue(email)}.", parse.GetValue(passwordStdin) ? null : password);
        }));

        var list = new Command("list", "Lists the accounts with their roles.");
        list.SetAction((parse, ct) => WithAccountsAsync(parse, configuration, ct, async accounts =>
        {
            foreach (var (user, userRoles) in await accounts.ListAsync())
            {
                var state = user.IsDisabled ? "disabled" : user.TwoFactorEnabled ? "TOTP" : "password only";
                await parse.Out().WriteLineAsync($"{user.Email}\t{user.DisplayName}\t{string.Join(",", userRoles)}\t{state}");
            }

            return 0;
        }));

        var disable = new Command("disable", "Disables an account: it cannot sign in, its sessions end and its tokens stop.") { email };
        disable.SetAction((parse, ct) => SetDisabledAsync(parse, configuration, email, true, ct));
        var enable = new Command("enable", "Enables a disabled account again.") { email };
        enable.SetAction((parse, ct) => SetDisabledAsync(parse, configuration, email, false, ct));

        var reset = new Command("reset-password", "Sets a new password (and lifts a lockout).") { email, passwordStdin };
        reset.SetAction((parse, ct) => WithAccountsAsync(parse, configuration, ct, async accounts =>
        {
            if (await accounts.FindAsync(parse.GetValue(email)!) is not { } user)
            {
                return await ReportAsync(parse, [$"No account {parse.GetValue(email)}."], "");
            }

            var password = await PasswordAsync(parse, passwordStdin);
            var errors = await accounts.ResetPasswordAsync(user, password);
            return await ReportAsync(parse, errors, $"The password of {user.Email} is reset.", parse.GetValue(passwordStdin) ? null : password);
        }));

        return new Command("users", "Manages the accounts that sign in to BusFlow.") { add, list, disable, enable, reset };
    }

    private static Task<int> SetDisabledAsync(ParseResult parse, IConfiguration configuration, Option<string> email, bool disabled, CancellationToken ct) =>
        WithAccountsAsync(parse, configuration, ct, async accounts =>
        {
            if (await accounts.FindAsync(parse.GetValue(email)!) is not { } user)
            {
                return await ReportAsync(parse, [$"No account {parse.GetValue(email)}."], "");
            }

            var result = await accounts.SetDisabledAsync(user, disabled);
            return await ReportAsync(parse, [.. result.Errors.Select(e => e.Description)], $"{user.Email} is {(disabled ? "disabled" : "enabled")}.");
        });

    private static Task<int> WithAccountsAsync(ParseResult parse, IConfiguration configuration, CancellationToken ct, Func<AccountAdministration, Task<int>> act) =>
        CommandOutput.GuardAsync(parse, async () =>
        {
            var settings = BusFlowSettings.From(configuration);
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton<IClock>(SystemClock.Instance)
                .AddSingleton(LinkKeySource.Load(configuration))
                .AddBusFlowWorkflows(settings.TimeZone, settings.TemplatesFolder)
                .AddBusFlowStorage(settings.Storage)
                .AddBusFlowAccountTools(SignInSettings.From(configuration))
                .BuildServiceProvider();
            await BusFlowDatabase.MigrateAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            await accounts.EnsureRolesAsync();
            return await act(accounts);
        });

    private static async Task<string> PasswordAsync(ParseResult parse, Option<bool> fromStdin) =>
        parse.GetValue(fromStdin)
            ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? ""
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
