using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace BusFlow.Hangfire.Dashboard;

/// <summary>
/// The endpoint's policy already sent everyone else to sign in or away; Hangfire asks again, for its
/// own requests, and gets the same answer from <paramref name="allows"/>.
/// </summary>
internal sealed class DashboardAuthorizationFilter(Func<HttpContext, bool> allows) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => allows(context.GetHttpContext());
}
