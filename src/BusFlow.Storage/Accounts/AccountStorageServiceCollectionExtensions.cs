using BusFlow.Accounts.Audit;
using BusFlow.Accounts.Setup;
using BusFlow.Accounts.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Storage.Accounts;

public static class AccountStorageServiceCollectionExtensions
{
    /// <summary>
    /// The stores of the accounts' tokens, setup links and audit log, and a scoped
    /// <see cref="BusFlowDbContext"/> from the pooled factory for ASP.NET Core Identity's EF stores.
    /// </summary>
    public static IServiceCollection AddBusFlowAccountStorage(this IServiceCollection services)
    {
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<BusFlowDbContext>>().CreateDbContext());
        services.AddSingleton<IApiTokenStore, EfApiTokenStore>();
        services.AddSingleton<IAuditLog, EfAuditLog>();
        services.AddSingleton<ISetupLinks, EfSetupLinks>();
        return services;
    }
}
