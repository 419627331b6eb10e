using BusFlow.Accounts;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using BusFlow.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// Signing in to BusFlow in a real browser (Debian's headless chromium): with a password and a TOTP
/// code, and through the municipality's identity provider; and the sign-in and account pages checked
/// with axe-core.
/// </summary>
public sealed class SignInBrowserTests(SignInBrowserHost fixture) : IClassFixture<SignInBrowserHost>
{
    private const string SignInHeading = "Logga in";
    private const string TotpHeading = "Kod från din autentiseringsapp";

    private readonly RunningHost _host = fixture.Host;

    [Fact]
    public async Task A_person_signs_in_with_her_password_and_a_TOTP_code_opens_her_tasks_and_signs_out()
    {
        var key = await TestSessions.PrepareAsync(_host.Services, fixture.Coordinator, [AccountRoles.Secretary], totp: true);
        // The pages need no script: this browser runs none.
        using var chromium = HeadlessChromium.Start(javaScript: false);
        var browser = chromium.Driver;

        browser.Navigate().GoToUrl(At("/konto/logga-in"));
        Assert.Equal(SignInHeading, browser.FindElement(By.TagName("h1")).Text);
        browser.FindElement(By.Name("email")).SendKeys(fixture.Coordinator);
        browser.FindElement(By.Name("password")).SendKeys(TestAccounts.Password);
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();

        PageWait.ForHeading(browser, TotpHeading);
        Assert.Empty(browser.FindElements(By.CssSelector("nav")));
        browser.FindElement(By.Name("code")).SendKeys(Totp.Code(key!, DateTimeOffset.UtcNow));
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();

        PageWait.ForHeading(browser, $"Välkommen, {fixture.Coordinator}");
        Assert.Equal("/", PathOf(browser));
        Assert.Equal(["Mina uppgifter", "Nämnder", "Personer", "Överenskommelser", "Samverkansorgan", "Konto", "Logga ut"], NavigationOf(browser));

        browser.FindElement(By.CssSelector("nav")).FindElement(By.LinkText("Mina uppgifter")).Click();

        PageWait.ForHeading(browser, "Mina uppgifter");
        var task = browser.FindElement(By.CssSelector("ul.tasks")).FindElement(By.LinkText(fixture.DraftTask.Title));
        Assert.EndsWith($"/mina-uppgifter/{fixture.DraftTask.Id}", task.GetDomProperty("href"), StringComparison.Ordinal);

        browser.FindElement(By.CssSelector("nav")).FindElement(By.XPath(".//button[normalize-space()='Logga ut']")).Click();

        PageWait.ForHeading(browser, SignInHeading);
        Assert.Empty(browser.FindElements(By.CssSelector("nav")));
        browser.Navigate().GoToUrl(At("/mina-uppgifter"));
        Assert.Equal(("/konto/logga-in", SignInHeading), (PathOf(browser), browser.FindElement(By.TagName("h1")).Text));
        Assert.DoesNotContain(fixture.DraftTask.Title, browser.PageSource, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_signs_in_through_the_municipalitys_identity_provider_from_the_sign_in_page()
    {
        var person = OrganisationProvider.Administrator;
        using var chromium = HeadlessChromium.Start(javaScript: false);
        var browser = chromium.Driver;

        browser.Navigate().GoToUrl(At("/konto/logga-in"));
        browser.FindElement(By.LinkText($"Logga in med {OrganisationProvider.DisplayName}")).Click();

        PageWait.Until(browser, b => b.FindElements(By.Id("test-oidc-sign-in")).Count == 1, "the provider's sign-in form");
        Assert.Equal(fixture.Provider.Issuer.Port, new Uri(browser.Url).Port);
        browser.FindElement(By.Id("username")).SendKeys(person.UserName);
        browser.FindElement(By.Id("password")).SendKeys(person.Password);
        browser.FindElement(By.Id("sign-in")).Click();

        PageWait.ForHeading(browser, $"Välkommen, {person.Name}");
        Assert.Equal((_host.BaseAddress.Port, "/"), (new Uri(browser.Url).Port, PathOf(browser)));
        Assert.Contains("Dina roller: Administrator", browser.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        // An administrator's menu: the provider's sign-in counts as her second factor.
        Assert.Equal(["Mina uppgifter", "Nämnder", "Personer", "Överenskommelser", "Samverkansorgan", "Instanser", "Kommande", "Konto", "Arbetsflöden", "Granskningslogg", "Jobb", "API-referens", "Logga ut"], NavigationOf(browser));
    }

    [Fact]
    public async Task The_sign_in_TOTP_account_enrolment_token_task_and_not_allowed_pages_pass_axe_WCAG_2_1_A_and_AA_in_Swedish_and_English()
    {
        var key = await TestSessions.PrepareAsync(_host.Services, fixture.Coordinator, [AccountRoles.Secretary], totp: true);
        // axe is a script: this browser runs JavaScript.
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        var results = new List<(string Page, AxeResult Result)>();
        void Check(string page) => results.Add((page, AxeCheck.Run(browser)));

        browser.Navigate().GoToUrl(At("/konto/logga-in"));
        Assert.Equal("sv", browser.FindElement(By.TagName("html")).GetDomAttribute("lang"));
        Check("the sign-in page");
        Screenshots.Save(browser, "sign-in");

        SubmitPassword(browser, "not her password");
        PageWait.Until(browser, b => b.FindElements(By.CssSelector(".errors[role=alert]")).Count == 1, "the sign-in page saying the password is wrong");
        Check("the sign-in page with a wrong password");

        SubmitPassword(browser, TestAccounts.Password);
        PageWait.ForHeading(browser, TotpHeading);
        Check("the TOTP step");
        Screenshots.Save(browser, "sign-in-totp");

        browser.FindElement(By.Name("code")).SendKeys(Totp.Code(key!, DateTimeOffset.UtcNow));
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        PageWait.ForHeading(browser, $"Välkommen, {fixture.Coordinator}");
        Check("the start page");

        foreach (var language in new[] { "sv", "en" })
        {
            CheckSignedInPages(browser, language, Check);
        }

        browser.FindElement(By.CssSelector("nav form button[type=submit]")).Click();
        PageWait.ForHeading(browser, "Sign in");
        Assert.Equal("en", browser.FindElement(By.TagName("html")).GetDomAttribute("lang"));
        Check("the sign-in page in English");

        SubmitPassword(browser, TestAccounts.Password);
        PageWait.ForHeading(browser, "Code from your authenticator app");
        Check("the TOTP step in English");

        AssertNoViolations(results);
    }

    [Fact]
    public async Task The_audit_page_of_an_administrator_passes_axe_WCAG_2_1_A_and_AA_in_Swedish_and_English()
    {
        var key = await TestSessions.PrepareAsync(_host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator, totp: true);
        using var chromium = HeadlessChromium.Start(javaScript: true);
        var browser = chromium.Driver;
        BrowserSignIn.SignIn(browser, _host.BaseAddress, TestAccounts.AdministratorEmail, TestAccounts.Password, key);
        PageWait.Until(browser, b => b.FindElements(By.CssSelector("nav")).Count == 1, "the signed-in menu");
        var results = new List<(string Page, AxeResult Result)>();

        browser.Navigate().GoToUrl(At("/granskning"));
        PageWait.ForHeading(browser, "Granskningslogg");
        Assert.NotEmpty(browser.FindElements(By.CssSelector("table tbody tr")));
        results.Add(("the audit page", AxeCheck.Run(browser)));
        Screenshots.Save(browser, "audit-log");
        browser.Navigate().GoToUrl(At("/granskning?lang=en&action=signed-in"));
        PageWait.ForHeading(browser, "Audit log");
        results.Add(("the audit page in English, filtered", AxeCheck.Run(browser)));

        AssertNoViolations(results);
    }

    [Fact]
    public async Task The_setup_page_of_a_real_setup_link_passes_axe_WCAG_2_1_A_and_AA_in_Swedish_and_English()
    {
        // A host with no administrator yet (the shared one has one, and a setup link then is dead).
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        var app = await BusFlowHost.StartAsync(BusFlowConfiguration.Load(RunningHost.Settings(database, workflows.Folder)));
        try
        {
            string secret;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                secret = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().IssueLinkIfNoneAsync(CancellationToken.None)
                    ?? throw new InvalidOperationException("The fresh host already has an administrator.");
            }

            using var chromium = HeadlessChromium.Start(javaScript: true);
            var browser = chromium.Driver;
            var link = new Uri(new Uri(app.Urls.First()), FirstAdministrator.PathPrefix + secret);
            var results = new List<(string Page, AxeResult Result)>();

            browser.Navigate().GoToUrl(link);
            Assert.Equal("Skapa den första administratören", browser.FindElement(By.TagName("h1")).Text);
            Assert.NotNull(browser.FindElement(By.Name("password")));
            results.Add(("the setup page", AxeCheck.Run(browser)));

            browser.Navigate().GoToUrl(link + "?lang=en");
            Assert.Equal("Create the first administrator", browser.FindElement(By.TagName("h1")).Text);
            results.Add(("the setup page in English", AxeCheck.Run(browser)));

            AssertNoViolations(results);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>The pages of a signed-in person who is no administrator, in one language (kept in a cookie once chosen).</summary>
    private void CheckSignedInPages(IWebDriver browser, string language, Action<string> check)
    {
        var english = language == "en";
        string Named(string page) => english ? $"{page} in English" : page;

        browser.Navigate().GoToUrl(At($"/konto?lang={language}"));
        Assert.Equal(language, browser.FindElement(By.TagName("html")).GetDomAttribute("lang"));
        PageWait.ForHeading(browser, english ? "Your account" : "Ditt konto");
        check(Named("the account page"));

        browser.Navigate().GoToUrl(At("/konto/tvafaktor/aktivera"));
        Assert.NotNull(browser.FindElement(By.Id("authenticator-key")));
        check(Named("the TOTP enrolment page"));

        browser.Navigate().GoToUrl(At("/konto/nycklar"));
        Assert.NotNull(browser.FindElement(By.Id("name")));
        check(Named("the API tokens page"));

        browser.Navigate().GoToUrl(At("/mina-uppgifter"));
        Assert.NotNull(browser.FindElement(By.CssSelector("ul.tasks")).FindElement(By.LinkText(fixture.DraftTask.Title)));
        check(Named("my tasks"));
        Screenshots.Save(browser, english ? "my-tasks-en" : "my-tasks");

        browser.Navigate().GoToUrl(At($"/mina-uppgifter/{fixture.DraftTask.Id}"));
        PageWait.ForHeading(browser, fixture.DraftTask.Title);
        Assert.NotEmpty(browser.FindElements(By.CssSelector("main form button[type=submit]")));
        check(Named("a task's answer page"));

        // An administrator's page: she is sent to the page that says it is not for her.
        browser.Navigate().GoToUrl(At("/hangfire"));
        PageWait.ForHeading(browser, english ? "Not allowed" : "Inte tillåtet");
        Assert.Equal("/konto/nekad", PathOf(browser));
        check(Named("the not allowed page"));
    }

    /// <summary>The coordinator's address and the given password, submitted on the sign-in page the browser shows.</summary>
    private void SubmitPassword(IWebDriver browser, string password)
    {
        var email = browser.FindElement(By.Name("email"));
        email.Clear();
        email.SendKeys(fixture.Coordinator);
        browser.FindElement(By.Name("password")).SendKeys(password);
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
    }

    private static void AssertNoViolations(List<(string Page, AxeResult Result)> results)
    {
        // Each check really ran the WCAG rules: the ones every page is subject to passed somewhere on it.
        Assert.All(results, r => Assert.Superset(new HashSet<string> { "html-has-lang", "document-title", "color-contrast" }, r.Result.Passed.ToHashSet()));
        var report = string.Concat(results.Select(r => r.Result.Report(r.Page)));
        Assert.True(report.Length == 0, $"axe-core {results[0].Result.AxeVersion} found WCAG 2.1 A/AA violations:{Environment.NewLine}{report}");
    }

    private Uri At(string pathAndQuery) => new(_host.BaseAddress, pathAndQuery);

    private static string PathOf(IWebDriver browser) => new Uri(browser.Url).AbsolutePath;

    /// <summary>The main menu's links and buttons, as read.</summary>
    private static List<string> NavigationOf(IWebDriver browser) =>
        [.. browser.FindElement(By.CssSelector("nav")).FindElements(By.CssSelector("a, button")).Select(e => e.Text)];
}
