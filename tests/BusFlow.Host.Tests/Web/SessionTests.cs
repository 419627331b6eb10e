using System.Net;
using BusFlow.Accounts;
using BusFlow.Host.Tests.Support;
using NodaTime;

namespace BusFlow.Host.Tests.Web;

/// <summary>How long a session lasts and how it ends: idle and absolute expiry on BusFlow's clock, signing out, signing out everywhere.</summary>
public sealed class SessionTests(SignInHost host) : IClassFixture<SignInHost>
{
    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_lax_and_lives_only_as_long_as_the_browser()
    {
        var email = await host.AccountAsync("viewer", AccountRoles.Viewer);
        using var browser = host.NewBrowser();

        var signedIn = await browser.SignInAsync(email, TestAccounts.Password);

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("busflow-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_left_alone_longer_than_the_idle_timeout_has_ended()
    {
        using var browser = await SignedInAsync();

        host.Clock.Advance(Duration.FromMinutes(29));
        var stillIn = await browser.Http.GetAsync("/konto");
        host.Clock.Advance(Duration.FromMinutes(31));
        var ended = await browser.Http.GetAsync("/konto");

        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.StartsWith("/konto/logga-in", ended.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_in_use_all_day_ends_ten_hours_after_sign_in()
    {
        using var browser = await SignedInAsync();

        var statuses = new List<HttpStatusCode>();
        for (var minutes = 20; minutes < 10 * 60; minutes += 20)
        {
            host.Clock.Advance(Duration.FromMinutes(20));
            statuses.Add((await browser.Http.GetAsync("/konto")).StatusCode);
        }

        host.Clock.Advance(Duration.FromMinutes(21));
        var ended = await browser.Http.GetAsync("/konto");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.StartsWith("/konto/logga-in", ended.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_takes_a_post_with_the_pages_form_token_and_ends_the_session()
    {
        using var browser = await SignedInAsync();
        using var bare = new FormUrlEncodedContent([]);

        var byLink = await browser.Http.GetAsync("/konto/logga-ut");
        var forged = await browser.Http.PostAsync("/konto/logga-ut", bare);
        var stillIn = await browser.Http.GetAsync("/konto");
        var signedOut = await browser.PostFormOfPageAsync("/konto/logga-ut", await browser.Http.GetStringAsync("/konto"));
        var after = await browser.Http.GetAsync("/konto");

        Assert.Equal("/konto", byLink.RedirectTarget());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal("/konto/logga-in", signedOut.RedirectTarget());
        Assert.StartsWith("/konto/logga-in", after.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_her_sessions_on_other_devices_within_a_minute()
    {
        var email = await host.AccountAsync("viewer", AccountRoles.Viewer);
        using var phone = host.NewBrowser();
        using var laptop = host.NewBrowser();
        await phone.SignInAsync(email, TestAccounts.Password);
        await laptop.SignInAsync(email, TestAccounts.Password);

        var everywhere = await laptop.PostFormAsync("/konto?handler=Everywhere");
        host.Clock.Advance(Duration.FromMinutes(2));
        var phoneAfter = await phone.Http.GetAsync("/konto");

        Assert.Equal("/konto/logga-in", everywhere.RedirectTarget());
        Assert.StartsWith("/konto/logga-in", phoneAfter.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_password_ends_the_other_sessions_keeps_this_one_and_the_old_password_no_longer_signs_in()
    {
        var email = await host.AccountAsync("viewer", AccountRoles.Viewer);
        using var other = host.NewBrowser();
        using var browser = host.NewBrowser();
        await other.SignInAsync(email, TestAccounts.Password);
        await browser.SignInAsync(email, TestAccounts.Password);
        const string NewPassword = "a longer and newer passphrase";

        var tooShort = await browser.PostFormAsync("/konto?handler=Password", ("current", TestAccounts.Password), ("next", "short"));
        var changed = await browser.PostFormAsync("/konto?handler=Password", ("current", TestAccounts.Password), ("next", NewPassword));
        host.Clock.Advance(Duration.FromMinutes(2));
        var here = await browser.Http.GetAsync("/konto");
        var there = await other.Http.GetAsync("/konto");
        using var again = host.NewBrowser();
        var oldPassword = await again.SignInAsync(email, TestAccounts.Password);
        var newPassword = await again.SignInAsync(email, NewPassword);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        Assert.Contains("Lösenordet är bytt.", await PageText.OfAsync(changed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, here.StatusCode);
        Assert.StartsWith("/konto/logga-in", there.RedirectTarget(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal("/", newPassword.RedirectTarget());
    }

    private async Task<SessionClient> SignedInAsync()
    {
        var email = await host.AccountAsync("viewer", AccountRoles.Viewer);
        var browser = host.NewBrowser();
        Assert.Equal("/", (await browser.SignInAsync(email, TestAccounts.Password)).RedirectTarget());
        return browser;
    }
}
