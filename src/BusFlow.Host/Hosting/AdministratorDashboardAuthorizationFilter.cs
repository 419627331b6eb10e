using BusFlow.Web.Security;
using Hangfire.Dashboard;

namespace BusFlow.Host.Hosting;

/// <summary>
/// The Hangfire dashboard is for administrators. The endpoint's policy already sent everyone else to
/// sign in or away; Hangfire asks again, for its own requests, and gets the same answer.
/// </summary>
public sealed class AdministratorDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return BusFlowPolicies.ActsAsAdministrator(http.User, http.RequestServices.GetRequiredService<SignInSettings>());
    }
}
