using BusFlow.Engine.Persistence;
using BusFlow.Storage.Postgres;
using BusFlow.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the workflow store on the configured database: <see cref="IWorkflowStore"/>,
    /// <see cref="IDbContextFactory{BusFlowDbContext}"/> (pooled) and the options themselves.
    /// Apply the migrations with <see cref="BusFlowDatabase.MigrateAsync(IServiceProvider, CancellationToken)"/> before use.
    /// </summary>
    public static IServiceCollection AddBusFlowStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        services.AddSingleton(options);
        if (options.IsSqlite)
        {
            services.AddPooledDbContextFactory<SqliteBusFlowDbContext>(
                builder => SqliteBusFlowDbContext.Configure(builder, options.ConnectionString, options.Throwaway));
            services.AddSingleton<IDbContextFactory<BusFlowDbContext>, BusFlowDbContextFactory<SqliteBusFlowDbContext>>();
        }
        else
        {
            services.AddPooledDbContextFactory<PostgresBusFlowDbContext>(
                builder => PostgresBusFlowDbContext.Configure(builder, options.ConnectionString));
            services.AddSingleton<IDbContextFactory<BusFlowDbContext>, BusFlowDbContextFactory<PostgresBusFlowDbContext>>();
        }

        services.AddSingleton<IWorkflowStore, EfWorkflowStore>();
        services.AddSingleton<BusFlow.Bus.Papers.IPaperTemplates, Papers.EfPaperTemplates>();
        services.AddSingleton<BusFlow.Notifications.Links.IAgreementsInForce, Bus.BusAgreementsInForce>();
        return services;
    }
}
