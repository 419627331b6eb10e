using System.Net;
using System.Text.RegularExpressions;
using BusFlow.Accounts;
using BusFlow.Host.Hosting;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Web;

/// <summary>The TOTP second factor: required of administrators, set up from the page, asked after the password, used once.</summary>
public sealed partial class TwoFactorTests(SignInHost host) : IClassFixture<SignInHost>
{
    [Fact]
    public async Task An_administrator_without_totp_is_sent_to_set_it_up_and_administrator_pages_refuse_her_until_she_has()
    {
        var email = await host.AccountAsync("admin", AccountRoles.Administrator);
        using var browser = host.NewBrowser();

        var signedIn = await browser.SignInAsync(email, TestAccounts.Password);
        var refused = await browser.Http.GetAsync(BusFlowHost.DashboardPath);
        var enrolment = await browser.Http.GetAsync(signedIn.RedirectTarget());
        var key = AuthenticatorKey().Match(await enrolment.Content.ReadAsStringAsync()).Groups[1].Value;
        var enrolled = await browser.PostFormAsync(signedIn.RedirectTarget()!, ("code", Totp.Code(key, DateTimeOffset.UtcNow)));
        var dashboard = await browser.Http.GetAsync(BusFlowHost.DashboardPath);

        Assert.Equal("/konto/tvafaktor/aktivera?returnUrl=%2F", signedIn.RedirectTarget());
        Assert.StartsWith("/konto/nekad", refused.RedirectTarget(), StringComparison.Ordinal);
        Assert.Contains("Administratörer loggar in med en andra faktor.", await PageText.OfAsync(enrolment), StringComparison.Ordinal);
        Assert.Contains("<svg", await enrolment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/"), (enrolled.StatusCode, enrolled.RedirectTarget()));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task After_the_password_a_wrong_code_is_refused_and_she_stays_signed_out()
    {
        var email = await host.AccountAsync("admin", AccountRoles.Administrator);
        await TestSessions.PrepareAsync(host.Host.Services, email, [], totp: true);
        using var browser = host.NewBrowser();

        var asked = await browser.SignInAsync(email, TestAccounts.Password);
        var wrong = await browser.PostFormAsync("/konto/tvafaktor", ("code", "12345"));

        Assert.StartsWith("/konto/tvafaktor?", asked.RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Koden är fel eller för gammal.", await PageText.OfAsync(wrong), StringComparison.Ordinal);
        Assert.StartsWith("/konto/logga-in", (await browser.Http.GetAsync("/konto")).RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_that_signed_someone_in_is_refused_when_it_is_typed_again()
    {
        var email = await host.AccountAsync("admin", AccountRoles.Administrator);
        var key = await TestSessions.PrepareAsync(host.Host.Services, email, [], totp: true);
        var code = Totp.Code(key!, DateTimeOffset.UtcNow);
        using var first = host.NewBrowser();
        using var second = host.NewBrowser();

        await first.SignInAsync(email, TestAccounts.Password);
        var accepted = await first.PostFormAsync("/konto/tvafaktor", ("code", code));
        await second.SignInAsync(email, TestAccounts.Password);
        var replayed = await second.PostFormAsync("/konto/tvafaktor", ("code", code));

        Assert.Equal("/", accepted.RedirectTarget());
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.StartsWith("/konto/logga-in", (await second.Http.GetAsync("/konto")).RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_step_expires_five_minutes_after_the_password()
    {
        var email = await host.AccountAsync("admin", AccountRoles.Administrator);
        var key = await TestSessions.PrepareAsync(host.Host.Services, email, [], totp: true);
        using var browser = host.NewBrowser();

        await browser.SignInAsync(email, TestAccounts.Password);
        host.Clock.Advance(NodaTime.Duration.FromMinutes(6));
        var late = await browser.PostFormAsync("/konto/tvafaktor", ("code", Totp.Code(key!, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Contains("Inloggningen har gått ut. Logga in igen.", await PageText.OfAsync(late), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"authenticator-key\">([^<]+)<")]
    private static partial Regex AuthenticatorKey();
}
