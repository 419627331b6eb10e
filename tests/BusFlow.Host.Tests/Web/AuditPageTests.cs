using System.Net;
using BusFlow.Accounts;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Web;

/// <summary>The audit log page as an administrator reads it: who signed in or failed, when (Stockholm time) and from where, and the same lines as CSV.</summary>
public sealed class AuditPageTests(SignInHost host) : IClassFixture<SignInHost>
{
    [Fact]
    public async Task An_administrator_sees_a_persons_sign_in_and_failed_attempt_filtered_by_who_and_downloads_them_as_csv()
    {
        var email = await host.AccountAsync("secretary", AccountRoles.Secretary);
        using var person = host.NewBrowser();
        await person.SignInAsync(email, "not the right password");
        await person.SignInAsync(email, TestAccounts.Password);
        using var administrator = await TestSessions.AdministratorAsync(host.Host);

        var page = await administrator.Http.GetAsync("/granskning?actor=" + Uri.EscapeDataString(email));
        var text = await PageText.OfAsync(page);
        var csv = await administrator.Http.GetAsync("/api/audit.csv?actor=" + Uri.EscapeDataString(email));
        var rows = Rfc4180.Parse(await csv.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"{email} signed-in {email} password 127.0.0.1", text, StringComparison.Ordinal);
        Assert.Contains($"{email} sign-in-failed {email} wrong password 127.0.0.1", text, StringComparison.Ordinal);
        Assert.Contains(host.Clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/Stockholm"]).ToString("yyyy-MM-dd HH:mm", null), text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{TestAccounts.AdministratorEmail} signed-in", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/audit.csv?actor={Uri.EscapeDataString(email)}\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(["signed-in", "sign-in-failed"], rows.Skip(1).Select(r => r[4]));
    }
}
