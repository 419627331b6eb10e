using System.Net;
using System.Net.Http.Json;
using System.Text;
using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Engine.Time;
using BusFlow.Host.Api.Accounts;
using BusFlow.Host.Api.Csv;
using BusFlow.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Tests.Api.Accounts;

/// <summary>
/// The audit log as an administrator reads it: each sign-in, refusal and change has a line saying
/// who did what, when and from which address. The clock stands still, so "when" is known exactly.
/// </summary>
public sealed class AuditLogTests(AccountsHostFixture host) : IClassFixture<AccountsHostFixture>
{
    private const string Loopback = "127.0.0.1";

    [Fact]
    public async Task A_sign_in_is_recorded_with_who_when_and_the_client_address()
    {
        var at = Tick();

        using var session = await host.SessionAsync("sara@busflow.test", [AccountRoles.Viewer]);

        var line = Assert.Single(await host.AuditAsync(AuditActions.SignedIn, "sara@busflow.test"));
        AssertLine(line, at, "sara@busflow.test", "sara@busflow.test");
        Assert.Equal("password", line.Detail);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_are_recorded_as_failed_sign_ins()
    {
        await TestSessions.PrepareAsync(host.Host.Services, "petra@busflow.test", [AccountRoles.Viewer], totp: false);
        var at = Tick();
        using var browser = new SessionClient(host.Host.BaseAddress);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("petra@busflow.test", "not her password at all")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync("nobody@busflow.test", TestAccounts.Password)).StatusCode);

        var wrong = Assert.Single(await host.AuditAsync(AuditActions.SignInFailed, "petra@busflow.test"));
        AssertLine(wrong, at, "petra@busflow.test", "petra@busflow.test");
        Assert.Equal("wrong password", wrong.Detail);
        var unknown = Assert.Single(await host.AuditAsync(AuditActions.SignInFailed, "nobody@busflow.test"));
        AssertLine(unknown, at, "nobody@busflow.test", "nobody@busflow.test");
        Assert.Equal("unknown account", unknown.Detail);
        Assert.Empty(await host.AuditAsync(AuditActions.SignedIn, "petra@busflow.test"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_lockout_is_recorded()
    {
        const string email = "lisa@busflow.test";
        await TestSessions.PrepareAsync(host.Host.Services, email, [AccountRoles.Viewer], totp: false);
        var at = Tick();
        using var browser = new SessionClient(host.Host.BaseAddress);

        var answers = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            answers.Add((await browser.SignInAsync(email, $"wrong guess number {attempt}")).StatusCode);
        }

        var withTheRightPassword = await browser.SignInAsync(email, TestAccounts.Password);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.Forbidden], answers);
        Assert.Equal(HttpStatusCode.Forbidden, withTheRightPassword.StatusCode);
        Assert.Equal(4, (await host.AuditAsync(AuditActions.SignInFailed, email)).Count);
        var lockedOut = await host.AuditAsync(AuditActions.LockedOut, email);
        Assert.Equal(2, lockedOut.Count);
        Assert.All(lockedOut, line => AssertLine(line, at, email, email));
        Assert.Empty(await host.AuditAsync(AuditActions.SignedIn, email));
    }

    [Fact]
    public async Task Making_and_revoking_a_token_are_recorded_under_the_owners_name()
    {
        using var session = await host.SessionAsync("tyra@busflow.test", [AccountRoles.Viewer]);
        var madeAt = Tick();
        var token = await AccountsHostFixture.MakeTokenAsync(session, "Exportjobb", scope: "read");
        var revokedAt = Tick();
        (await session.Http.PostAsync($"/api/tokens/{token.Token.Id}/revoke", null)).EnsureSuccessStatusCode();

        var made = Assert.Single(await host.AuditAsync(AuditActions.TokenCreated, "tyra@busflow.test"));
        AssertLine(made, madeAt, "tyra@busflow.test", token.Token.Id.ToString());
        Assert.Contains("'Exportjobb', read", made.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Secret, made.Detail, StringComparison.Ordinal);
        var revoked = Assert.Single(await host.AuditAsync(AuditActions.TokenRevoked, "tyra@busflow.test"));
        AssertLine(revoked, revokedAt, "tyra@busflow.test", token.Token.Id.ToString());
    }

    [Fact]
    public async Task A_role_change_and_a_disabled_account_are_recorded_under_the_administrators_name()
    {
        const string email = "maja@busflow.test";
        await TestAccounts.TokenForAsync(host.Host.Services, email, [AccountRoles.Secretary]);
        var changedAt = Tick();
        (await host.Administrator.PutAsJsonAsync($"/api/users/{email}/roles", new { roles = new[] { AccountRoles.Viewer } })).EnsureSuccessStatusCode();
        var disabledAt = Tick();
        (await host.Administrator.PostAsync($"/api/users/{email}/disable", null)).EnsureSuccessStatusCode();

        var granted = Assert.Single(await host.AuditAsync(AuditActions.RoleGranted, TestAccounts.AdministratorEmail), l => l.Target == email);
        AssertLine(granted, changedAt, TestAccounts.AdministratorEmail, email);
        Assert.Equal("Viewer (roles now Viewer)", granted.Detail);
        var revoked = Assert.Single(await host.AuditAsync(AuditActions.RoleRevoked, TestAccounts.AdministratorEmail), l => l.Target == email);
        AssertLine(revoked, changedAt, TestAccounts.AdministratorEmail, email);
        Assert.Equal("Secretary (roles now Viewer)", revoked.Detail);
        var disabled = Assert.Single(await host.AuditAsync(AuditActions.AccountDisabled, TestAccounts.AdministratorEmail), l => l.Target == email);
        AssertLine(disabled, disabledAt, TestAccounts.AdministratorEmail, email);
    }

    [Fact]
    public async Task A_change_through_the_api_is_recorded_with_its_route_and_a_refused_one_is_not()
    {
        var instance = await host.StartWaitingInstanceAsync();
        var path = $"/api/instances/{instance.Id}/cancel";
        var at = Tick();

        (await host.Administrator.PostAsJsonAsync(path, new { reason = "started by mistake" })).EnsureSuccessStatusCode();
        Tick();
        Assert.Equal(HttpStatusCode.Conflict, (await host.Administrator.PostAsJsonAsync(path, new { reason = "twice" })).StatusCode);

        var line = Assert.Single(await host.AuditAsync(AuditActions.Change, TestAccounts.AdministratorEmail), l => l.Target == path);
        AssertLine(line, at, TestAccounts.AdministratorEmail, path);
        Assert.Equal("POST /api/instances/{id:guid}/cancel", line.Detail);
    }

    [Fact]
    public async Task The_csv_export_is_rfc_4180_with_a_header_and_shows_a_formula_like_value_as_text()
    {
        const string formula = "=HYPERLINK(\"https://evil.example/\",\"Klicka\")";
        var at = Tick();
        using var browser = new SessionClient(host.Host.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync(formula, "whatever it is")).StatusCode);
        var line = Assert.Single(await host.AuditAsync(AuditActions.SignInFailed, formula));

        using var response = await host.Administrator.GetAsync("/api/audit.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var rows = Rfc4180.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["id", "at", "local", "actor", "action", "target", "detail", "clientAddress"], rows[0]);
        var row = Assert.Single(rows, r => r[0] == line.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var zone = host.Host.Services.GetRequiredService<EngineOptions>().TimeZone;
        Assert.Equal(
            [InstantPattern.General.Format(at), at.InZone(zone).LocalDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), CsvDocument.TextPrefix + formula,
                AuditActions.SignInFailed, CsvDocument.TextPrefix + formula, "unknown account", Loopback],
            row[1..]);
    }

    [Fact]
    public async Task The_audit_log_is_for_administrators_only()
    {
        using var viewer = await host.Host.ClientForAsync("vilma@busflow.test", [AccountRoles.Viewer]);

        await Problems.AssertAsync(await viewer.GetAsync("/api/audit"), HttpStatusCode.Forbidden);
        await Problems.AssertAsync(await viewer.GetAsync("/api/audit.csv"), HttpStatusCode.Forbidden);
    }

    /// <summary>Moves the clock on a minute, so each step's lines carry a time of their own.</summary>
    private Instant Tick()
    {
        host.Clock.Advance(Duration.FromMinutes(1));
        return host.Clock.GetCurrentInstant();
    }

    private static void AssertLine(AuditLineResponse line, Instant at, string actor, string target)
    {
        Assert.Equal(at, line.At);
        Assert.Equal(actor, line.Actor);
        Assert.Equal(target, line.Target);
        Assert.Equal(Loopback, line.ClientAddress);
    }
}
