using System.Net;
using BusFlow.Accounts;
using BusFlow.Host.Hosting;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Hosting;

[Collection(ApiHostCollection.Name)]
public sealed class DashboardAccessTests(ApiHostFixture host)
{
    [Fact]
    public async Task The_Hangfire_dashboard_opens_for_an_administrator_signed_in_with_totp()
    {
        using var administrator = await TestSessions.AdministratorAsync(host.Host);

        var response = await administrator.Http.GetAsync(BusFlowHost.DashboardPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_takes_no_api_token_even_an_administrators()
    {
        using var withToken = new SessionClient(host.Host.BaseAddress, await TestAccounts.TokenForAsync(host.Host.Services, TestAccounts.AdministratorEmail, TestAccounts.Administrator));

        var response = await withToken.Http.GetAsync(BusFlowHost.DashboardPath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_sends_someone_not_signed_in_to_the_sign_in_page_even_from_this_machine()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Host.BaseAddress };

        var response = await anonymous.GetAsync(BusFlowHost.DashboardPath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_sends_a_signed_in_viewer_to_the_not_allowed_page()
    {
        await TestAccounts.TokenForAsync(host.Host.Services, "viewer.dashboard@example.se", [AccountRoles.Viewer]);
        using var viewer = new SessionClient(host.Host.BaseAddress);
        Assert.Equal("/", (await viewer.SignInAsync("viewer.dashboard@example.se", TestAccounts.Password)).Headers.Location?.OriginalString);

        var response = await viewer.Http.GetAsync(BusFlowHost.DashboardPath);
        var denied = await viewer.Http.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/nekad", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
