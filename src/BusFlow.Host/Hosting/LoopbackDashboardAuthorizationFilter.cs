using System.Net;
using Hangfire.Dashboard;

namespace BusFlow.Host.Hosting;

/// <summary>Lets only requests from this machine see the Hangfire dashboard, until sign-in exists.</summary>
public sealed class LoopbackDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => IsLoopback(context.GetHttpContext().Connection.RemoteIpAddress);

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
