using System.Net;
using BusFlow.Accounts;
using BusFlow.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Web;

/// <summary>The sign-in page with a local account: what a person meets when the password is right, wrong or refused.</summary>
public sealed class SignInPageTests(SignInHost host) : IClassFixture<SignInHost>
{
    private const string WrongMessage = "E-postadressen eller lösenordet är fel.";

    [Fact]
    public async Task A_person_signs_in_with_her_password_and_lands_on_the_page_she_was_going_to()
    {
        var email = await host.AccountAsync("viewer", AccountRoles.Viewer);
        using var browser = host.NewBrowser();

        var sentAway = await browser.Http.GetAsync("/mina-uppgifter");
        var signedIn = await browser.PostFormAsync(sentAway.RedirectTarget()!, ("email", email), ("password", TestAccounts.Password));
        var page = await browser.Http.GetAsync("/mina-uppgifter");

        Assert.Equal("/konto/logga-in?returnUrl=%2Fmina-uppgifter", sentAway.RedirectTarget());
        Assert.Equal((HttpStatusCode.Redirect, "/mina-uppgifter"), (signedIn.StatusCode, signedIn.RedirectTarget()));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(email, await PageText.OfAsync(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://angripare.example/konto")]
    [InlineData("//angripare.example/konto")]
    [InlineData("/\\angripare.example/konto")]
    public async Task A_return_address_on_another_site_is_ignored_and_she_lands_on_the_start_page(string returnUrl)
    {
        var email = await host.AccountAsync("viewer", AccountRoles.Viewer);
        using var browser = host.NewBrowser();

        var signedIn = await browser.PostFormAsync("/konto/logga-in?returnUrl=" + Uri.EscapeDataString(returnUrl),
            ("email", email), ("password", TestAccounts.Password), ("returnUrl", returnUrl));

        Assert.Equal("/", signedIn.RedirectTarget());
    }

    [Fact]
    public async Task A_wrong_password_shows_the_page_again_with_a_message_and_starts_no_session()
    {
        var email = await host.AccountAsync("viewer", AccountRoles.Viewer);
        using var browser = host.NewBrowser();

        var refused = await browser.PostFormAsync("/konto/logga-in", ("email", email), ("password", "not the right password"));
        var account = await browser.Http.GetAsync("/konto");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(WrongMessage, await PageText.OfAsync(refused), StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("busflow-session=", StringComparison.Ordinal));
        Assert.StartsWith("/konto/logga-in", account.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_wrong_password()
    {
        var email = await host.AccountAsync("viewer", AccountRoles.Viewer);
        using var browser = host.NewBrowser();

        var wrongPassword = await browser.PostFormAsync("/konto/logga-in", ("email", email), ("password", "not the right password"));
        var unknown = await browser.PostFormAsync("/konto/logga-in", ("email", $"nobody.{Guid.NewGuid():N}@example.se"), ("password", "not the right password"));

        Assert.Equal(wrongPassword.StatusCode, unknown.StatusCode);
        Assert.Equal(await PageText.OfAsync(wrongPassword), await PageText.OfAsync(unknown));
    }

    [Fact]
    public async Task Five_wrong_passwords_from_any_clients_lock_the_account_so_the_right_one_is_refused_too()
    {
        var email = await host.AccountAsync("secretary", AccountRoles.Secretary);
        using var first = host.NewBrowser();
        using var second = host.NewBrowser();
        using var third = host.NewBrowser();

        for (var i = 0; i < 5; i++)
        {
            await (i % 2 == 0 ? first : second).PostFormAsync("/konto/logga-in", ("email", email), ("password", $"wrong password {i}"));
        }

        var locked = await third.PostFormAsync("/konto/logga-in", ("email", email), ("password", TestAccounts.Password));

        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        Assert.Contains("kontot är låst i 15 minuter", await PageText.OfAsync(locked), StringComparison.Ordinal);
        Assert.StartsWith("/konto/logga-in", (await third.Http.GetAsync("/konto")).RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_only_the_right_password_learns_that_it_is_disabled()
    {
        var email = await host.AccountAsync("viewer", AccountRoles.Viewer);
        await using (var scope = host.Host.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<BusFlow.Web.Accounts.AccountAdministration>();
            await accounts.SetDisabledAsync((await accounts.FindAsync(email))!, disabled: true);
        }

        using var browser = host.NewBrowser();

        var wrong = await browser.PostFormAsync("/konto/logga-in", ("email", email), ("password", "not the right password"));
        var right = await browser.PostFormAsync("/konto/logga-in", ("email", email), ("password", TestAccounts.Password));

        Assert.Contains(WrongMessage, await PageText.OfAsync(wrong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("Kontot är avstängt.", await PageText.OfAsync(right), StringComparison.Ordinal);
        Assert.StartsWith("/konto/logga-in", (await browser.Http.GetAsync("/konto")).RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_reads_in_english_when_asked()
    {
        using var browser = host.NewBrowser();

        var page = await browser.Http.GetAsync("/konto/logga-in?lang=en");

        Assert.Contains("<html lang=\"en", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Password", await PageText.OfAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_without_the_pages_form_token_is_refused_and_starts_no_session()
    {
        var email = await host.AccountAsync("viewer", AccountRoles.Viewer);
        using var browser = host.NewBrowser();
        using var form = new FormUrlEncodedContent([KeyValuePair.Create("email", email), KeyValuePair.Create("password", TestAccounts.Password)]);

        var posted = await browser.Http.PostAsync("/konto/logga-in", form);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var text = await PageText.OfAsync(posted);
        Assert.Contains("Formuläret kunde inte läsas", text, StringComparison.Ordinal);
        Assert.Contains("ladda om sidan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("e-post", text, StringComparison.Ordinal);
        Assert.StartsWith("/konto/logga-in", (await browser.Http.GetAsync("/konto")).RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_page_speaks_the_language_she_chose_in_the_web_app()
    {
        using var browser = host.NewBrowser();
        using var form = new FormUrlEncodedContent([KeyValuePair.Create("email", "someone@example.se")]);

        await browser.Http.GetAsync("/konto/logga-in?lang=en");
        var posted = await browser.Http.PostAsync("/konto/logga-in", form);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("The form could not be read", await PageText.OfAsync(posted), StringComparison.Ordinal);
    }
}
