using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Host.Api.Accounts;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing.Oidc;
using BusFlow.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Security;

/// <summary>
/// BusFlow's own OpenID Connect sign-in against a real provider over real HTTP: the person opens
/// /konto/extern, signs in at the provider's form, comes back through /signin-oidc to
/// /konto/extern/klar and has BusFlow's session, with the role her provider group maps to.
/// </summary>
public sealed partial class OidcSignInTests(OidcSignInHost fixture) : IClassFixture<OidcSignInHost>, IDisposable
{
    private const string SessionCookie = "busflow-session";

    private readonly RunningHost _host = fixture.Host;
    private readonly TestOidcProvider _provider = fixture.Provider;
    private readonly TestOidcBrowser _browser = new();

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task A_member_of_the_providers_administrators_group_signs_in_through_it_and_is_an_administrator_at_BusFlow()
    {
        var person = OrganisationProvider.Administrator;

        using var landed = await _browser.OpenAsync(At("/konto/extern?returnUrl=%2Fmina-uppgifter"), person);

        Assert.Equal((HttpStatusCode.OK, "/mina-uppgifter"), (landed.StatusCode, PathOf(landed)));
        Assert.Contains(_browser.Visited, u => u.Port == _provider.Issuer.Port && u.AbsolutePath == TestOidcProvider.AuthorizationPath);
        Assert.Contains(_browser.Visited, u => u.Port == _host.BaseAddress.Port && u.AbsolutePath == "/signin-oidc");
        Assert.Contains(_browser.Visited, u => u.Port == _host.BaseAddress.Port && u.AbsolutePath == "/konto/extern/klar");
        Assert.NotNull(SessionOf(_browser));

        using var home = await _browser.OpenAsync(At("/"));
        var homePage = await PageOf(home);
        Assert.Contains("Välkommen, Anna Admin", homePage, StringComparison.Ordinal);

        using var dashboard = await _browser.OpenAsync(At("/hangfire"));
        Assert.Equal((HttpStatusCode.OK, "/hangfire"), (dashboard.StatusCode, PathOf(dashboard)));

        var menu = MenuLinksIn(homePage);
        Assert.Equal(["/mina-uppgifter", "/namnder", "/personer", "/overenskommelser", "/organ", "/instanser", "/kommande", "/konto", "/arbetsfloden", "/granskning", "/hangfire", "/openapi"], menu);
        foreach (var link in menu)
        {
            using var opened = await _browser.OpenAsync(At(link));
            Assert.True(opened.StatusCode == HttpStatusCode.OK && PathOf(opened) == link, $"Her menu's {link} answered {(int)opened.StatusCode} at {PathOf(opened)}.");
        }

        using var accounts = await _browser.OpenAsync(At("/api/users"));
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        var account = Assert.Single(await accounts.ReadAsync<List<UserResponse>>(), u => u.Email == person.Email);
        Assert.Equal("Anna Admin", account.DisplayName);
        Assert.Equal([AccountRoles.Administrator], account.Roles);
        Assert.Equal([AccountRoles.Administrator], await RolesOfAsync(person.Email));

        var signedIn = await AuditAsync(person.Email, AuditActions.SignedIn);
        Assert.Equal("OpenID Connect", Assert.Single(signedIn).Detail);
        Assert.Equal(person.Email, Assert.Single(await AuditAsync(person.Email, AuditActions.AccountCreated)).Target);
    }

    [Fact]
    public async Task A_member_of_the_viewers_group_is_a_viewer_and_is_sent_to_the_not_allowed_page_from_an_administrators_page()
    {
        var person = OrganisationProvider.Viewer;

        using var landed = await _browser.OpenAsync(At("/konto/extern"), person);

        Assert.Equal((HttpStatusCode.OK, "/"), (landed.StatusCode, PathOf(landed)));
        Assert.Contains("Välkommen, Vera Visare", await PageOf(landed), StringComparison.Ordinal);
        Assert.Equal([AccountRoles.Viewer], await RolesOfAsync(person.Email));

        using var dashboard = await _browser.OpenAsync(At("/hangfire"));
        Assert.Equal((HttpStatusCode.Forbidden, "/konto/nekad"), (dashboard.StatusCode, PathOf(dashboard)));

        using var accounts = await _browser.OpenAsync(At("/api/users"));
        Assert.Equal(HttpStatusCode.Forbidden, accounts.StatusCode);

        // What a viewer may read, she reads with the same session.
        using var definitions = await _browser.OpenAsync(At("/api/definitions"));
        Assert.Equal(HttpStatusCode.OK, definitions.StatusCode);
    }

    [Fact]
    public async Task A_person_in_no_mapped_group_is_refused_gets_no_account_and_stays_signed_out()
    {
        var person = OrganisationProvider.Unmapped;

        using var refused = await _browser.OpenAsync(At("/konto/extern"), person);

        Assert.Equal((HttpStatusCode.Forbidden, "/konto/extern/klar"), (refused.StatusCode, PathOf(refused)));
        Assert.Contains("ingen av dina grupper en roll i BusFlow", await PageOf(refused), StringComparison.Ordinal);
        Assert.Null(SessionOf(_browser));
        using var afterwards = await _browser.OpenAsync(At("/mina-uppgifter"));
        Assert.Equal("/konto/logga-in", PathOf(afterwards));
        Assert.Null(await FindAccountAsync(person.Email));
        Assert.Equal("OpenID Connect: no e-mail or no mapped group", Assert.Single(await AuditAsync(person.Email, AuditActions.SignInFailed)).Detail);
        Assert.Empty(await AuditAsync(person.Email, AuditActions.SignedIn));
    }

    [Fact]
    public async Task A_wrong_password_at_the_provider_leaves_the_person_at_its_form_and_signed_out_at_BusFlow()
    {
        var person = OrganisationProvider.Administrator;

        using var failed = await _browser.OpenAsync(At("/konto/extern"), person, password: "not her passphrase");

        Assert.Equal((HttpStatusCode.OK, _provider.Issuer.Port, TestOidcProvider.AuthorizationPath),
            (failed.StatusCode, failed.RequestMessage!.RequestUri!.Port, PathOf(failed)));
        Assert.Contains("Wrong user name or password.", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_browser.Visited, u => u.AbsolutePath == "/signin-oidc");
        Assert.Null(SessionOf(_browser));
        using var afterwards = await _browser.OpenAsync(At("/konto"));
        Assert.Equal("/konto/logga-in", PathOf(afterwards));
    }

    [Fact]
    public async Task With_local_accounts_switched_off_the_sign_in_page_offers_only_the_provider()
    {
        using var page = await _browser.OpenAsync(At("/konto/logga-in?returnUrl=%2Fkonto"));
        var html = await PageOf(page);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Inloggning med lösenord är avstängd här.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/konto/extern?returnUrl=%2Fkonto\">Logga in med {OrganisationProvider.DisplayName}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_local_accounts_switched_off_a_right_password_posted_to_the_sign_in_page_signs_nobody_in()
    {
        using var person = new SessionClient(_host.BaseAddress);

        // The sign-in page has no form now: the antiforgery token comes from another page's form, as a made-up post would.
        using var posted = await person.PostFormWithTokenOfAsync("/konto/tvafaktor", "/konto/logga-in",
            ("email", TestAccounts.AdministratorEmail), ("password", TestAccounts.Password));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Inloggning med lösenord är avstängd här.", await PageOf(posted), StringComparison.Ordinal);
        using var afterwards = await person.Http.GetAsync("/konto");
        Assert.Equal((HttpStatusCode.Redirect, "/konto/logga-in"), (afterwards.StatusCode, new Uri(_host.BaseAddress, afterwards.Headers.Location!).AbsolutePath));
        Assert.DoesNotContain(await AuditAsync(TestAccounts.AdministratorEmail, AuditActions.SignedIn), l => l.Detail == "password");
    }

    [Fact]
    public async Task A_provider_sign_in_does_not_take_over_an_existing_account_of_the_same_address_the_provider_does_not_vouch_for()
    {
        var person = OrganisationProvider.SameAddressUnverified;
        await TestAccounts.TokenForAsync(_host.Services, person.Email, [AccountRoles.Viewer]);

        using var refused = await _browser.OpenAsync(At("/konto/extern"), person);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains($"Det finns redan ett konto med adressen {person.Email}", await PageOf(refused), StringComparison.Ordinal);
        Assert.Null(SessionOf(_browser));
        Assert.Equal([AccountRoles.Viewer], await RolesOfAsync(person.Email));
        Assert.Empty(await LoginsOfAsync(person.Email));
        Assert.Contains(await AuditAsync(person.Email, AuditActions.SignInFailed), l => l.Detail!.Contains("does not vouch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provider_that_vouches_for_the_address_links_the_existing_account_and_sets_its_roles_from_the_groups()
    {
        var person = OrganisationProvider.SameAddressVerified;
        await TestAccounts.TokenForAsync(_host.Services, person.Email, [AccountRoles.Viewer]);

        using var landed = await _browser.OpenAsync(At("/konto/extern"), person);

        Assert.Equal((HttpStatusCode.OK, "/"), (landed.StatusCode, PathOf(landed)));
        Assert.NotNull(SessionOf(_browser));
        Assert.Equal([AccountRoles.Administrator], await RolesOfAsync(person.Email));
        Assert.Equal([("oidc", person.Subject)], (await LoginsOfAsync(person.Email)).Select(l => (l.LoginProvider, l.ProviderKey)));
    }

    [Fact]
    public async Task A_person_who_left_every_mapped_group_loses_her_roles_at_her_next_sign_in_and_her_token_reads_nothing()
    {
        var person = OrganisationProvider.Leaver;
        using (var first = await _browser.OpenAsync(At("/konto/extern"), person))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var token = await _host.ClientForAsync(person.Email, []);
        var before = await token.GetAsync("/api/definitions");
        _provider.Replace(person with { Groups = ["all-staff"] });
        using var later = new TestOidcBrowser();

        using var refused = await later.OpenAsync(At("/konto/extern"), person);
        var after = await token.GetAsync("/api/definitions");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(await RolesOfAsync(person.Email));
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Single(await AuditAsync(person.Email, AuditActions.RoleRevoked));
    }

    private Uri At(string pathAndQuery) => new(_host.BaseAddress, pathAndQuery);

    private async Task<IList<Microsoft.AspNetCore.Identity.UserLoginInfo>> LoginsOfAsync(string email)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BusFlowUser>>();
        return await users.GetLoginsAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>The page's HTML with its character references decoded (Razor writes å, ä and ö as references).</summary>
    private static async Task<string> PageOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The addresses the main menu's links lead to.</summary>
    private static List<string> MenuLinksIn(string page) =>
        [.. Href().Matches(MainMenu().Match(page).Value).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<nav[^>]*>.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex MainMenu();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex Href();

    private static string PathOf(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;

    private Cookie? SessionOf(TestOidcBrowser browser) =>
        browser.Cookies.GetCookies(_host.BaseAddress).FirstOrDefault(c => c.Name == SessionCookie);

    private async Task<List<AuditLineResponse>> AuditAsync(string actor, string action) =>
        (await _host.Client.GetFromJsonAsync<List<AuditLineResponse>>(
            $"/api/audit?actor={Uri.EscapeDataString(actor)}&action={Uri.EscapeDataString(action)}", RunningHost.Json))!;

    private async Task<BusFlowUser?> FindAccountAsync(string email)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountAdministration>().FindAsync(email);
    }

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var user = await accounts.FindAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return await accounts.RolesOfAsync(user);
    }
}
