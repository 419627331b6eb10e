using System.Net;
using BusFlow.Host.Hosting;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Hosting;

[Collection(ApiHostCollection.Name)]
public sealed class DashboardAccessTests(ApiHostFixture host)
{
    [Fact]
    public async Task The_Hangfire_dashboard_answers_requests_from_this_machine()
    {
        var response = await host.Client.GetAsync(BusFlowHost.DashboardPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("192.168.1.20", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("2001:db8::1", false)]
    public void Only_loopback_addresses_may_see_the_dashboard(string address, bool allowed) =>
        Assert.Equal(allowed, LoopbackDashboardAuthorizationFilter.IsLoopback(IPAddress.Parse(address)));

    [Fact]
    public void A_request_without_a_remote_address_may_not_see_the_dashboard() =>
        Assert.False(LoopbackDashboardAuthorizationFilter.IsLoopback(null));
}
