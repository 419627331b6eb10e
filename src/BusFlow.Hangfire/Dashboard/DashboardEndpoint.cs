using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Hangfire.Dashboard;

public static class DashboardEndpoint
{
    /// <summary>
    /// Applies this host's Hangfire configuration (it is process-wide: before any job or dashboard runs)
    /// and maps Hangfire's dashboard at <paramref name="path"/> for those whom <paramref name="allows"/>
    /// lets in; the caller adds the endpoint's authorization policy to the result.
    /// </summary>
    public static IEndpointConventionBuilder MapBusFlowDashboard(this WebApplication app, string path, Func<HttpContext, bool> allows)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<IGlobalConfiguration>();
        return app.MapHangfireDashboard(path, new DashboardOptions
        {
            Authorization = [new DashboardAuthorizationFilter(allows)],
            DisplayStorageConnectionString = false,
        });
    }
}
