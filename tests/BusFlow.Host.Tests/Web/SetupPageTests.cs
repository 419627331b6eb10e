using System.Net;
using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using BusFlow.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Web;

/// <summary>The one-time setup link that creates the first administrator, on a host that has none (a host per test).</summary>
public sealed class SetupPageTests : IAsyncLifetime
{
    private const string Dead = "Installationslänken är okänd, använd eller har gått ut.";
    private const string Email = "forsta.admin@kommun.example";
    private const string Password = "the first administrator's passphrase";

    private readonly FakeClock _clock = new(SystemClock.Instance.GetCurrentInstant());
    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private WebApplication? _app;

    private Uri BaseAddress => new(_app!.Urls.First());

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Standard();
        _app = await BusFlowHost.StartAsync(BusFlowConfiguration.Load(RunningHost.Settings(_database, _workflows.Folder)), clock: _clock);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await HostTeardown.DisposeAsync(null, _database, _workflows);
    }

    [Fact]
    public async Task The_link_creates_the_first_administrator_once_and_she_then_signs_in_and_is_asked_to_set_up_totp()
    {
        var link = await NewLinkAsync();
        var fromAnEarlierStart = await NewLinkAsync();
        using var browser = new SessionClient(BaseAddress);
        using var other = new SessionClient(BaseAddress);
        var otherForm = await other.Http.GetAsync(fromAnEarlierStart);
        var otherPage = await otherForm.Content.ReadAsStringAsync();

        var page = await browser.Http.GetAsync(link);
        var created = await browser.PostFormAsync(link, ("name", "Första Admin"), ("email", Email), ("password", Password));
        var replayed = await browser.Http.GetAsync(link);
        var postedAgain = await other.PostFormOfPageAsync(fromAnEarlierStart, otherPage, ("name", "Någon Annan"), ("email", "annan@kommun.example"), ("password", Password));
        var signedIn = await browser.SignInAsync(Email, Password);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, otherForm.StatusCode));
        Assert.Equal("/konto/logga-in?setup=1", created.RedirectTarget());
        Assert.Equal(HttpStatusCode.Gone, replayed.StatusCode);
        Assert.Contains(Dead, await PageText.OfAsync(replayed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, postedAgain.StatusCode);
        Assert.Equal("/konto/tvafaktor/aktivera?returnUrl=%2F", signedIn.RedirectTarget());
        Assert.Null(await NewLinkOrNullAsync());
        Assert.Equal(1, await AdministratorCountAsync());
    }

    [Fact]
    public async Task A_refused_password_shows_the_reason_creates_nobody_and_leaves_the_link_usable()
    {
        var link = await NewLinkAsync();
        using var browser = new SessionClient(BaseAddress);

        var refused = await browser.PostFormAsync(link, ("name", "Första Admin"), ("email", Email), ("password", "too short"));
        var stillLive = await browser.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("12", await PageText.OfAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillLive.StatusCode);
        Assert.Equal(0, await AdministratorCountAsync());
    }

    [Fact]
    public async Task A_link_older_than_24_hours_or_unknown_gets_the_dead_link_page_and_creates_nobody()
    {
        var link = await NewLinkAsync();
        using var browser = new SessionClient(BaseAddress);
        var form = await browser.Http.GetStringAsync(link);

        _clock.Advance(Duration.FromHours(24) + Duration.FromMinutes(1));
        var expired = await browser.Http.GetAsync(link);
        var unknown = await browser.Http.GetAsync(FirstAdministrator.PathPrefix + "bfs_not-a-setup-link");

        Assert.Contains("password", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains(Dead, await PageText.OfAsync(expired), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, unknown.StatusCode);
        Assert.Equal(0, await AdministratorCountAsync());
    }

    private async Task<string> NewLinkAsync() => await NewLinkOrNullAsync() ?? throw new InvalidOperationException("An administrator exists already.");

    private async Task<string?> NewLinkOrNullAsync()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var secret = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().IssueLinkIfNoneAsync(CancellationToken.None);
        return secret is null ? null : FirstAdministrator.PathPrefix + secret;
    }

    private async Task<int> AdministratorCountAsync()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BusFlow.Accounts.BusFlowUser>>();
        return (await users.GetUsersInRoleAsync(BusFlow.Accounts.AccountRoles.Administrator)).Count;
    }
}
