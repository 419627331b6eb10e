using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.DataProtection;

namespace BusFlow.Web;

public static class AccountToolsServiceCollectionExtensions
{
    /// <summary>
    /// The account services without a web host, for `busflow users`: its password resets need data
    /// protection only within the one command, so its keys live in memory.
    /// </summary>
    public static IServiceCollection AddBusFlowAccountTools(this IServiceCollection services, SignInSettings settings)
    {
        services.AddBusFlowSignIn(settings);
        services.AddSingleton<IDataProtectionProvider, EphemeralDataProtectionProvider>();
        services.AddScoped<AccountAdministration>();
        services.AddSingleton<ApiTokenIssuer>();
        services.AddSingleton<AuditTrail>();
        return services;
    }
}
