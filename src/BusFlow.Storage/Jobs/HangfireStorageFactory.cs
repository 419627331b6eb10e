using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BusFlow.Storage.Jobs;

/// <summary>Builds the Hangfire job storage that <see cref="JobOptions"/> asks for.</summary>
internal static class HangfireStorageFactory
{
    public const string Schema = "hangfire";
    private const string ApplicationName = "busflow-hangfire";

    public static JobStorage Create(JobOptions options, IServiceProvider services) =>
        options.IsPostgreSql
            ? CreatePostgreSql(options, ResolveConnectionString(options, services))
            : new InMemoryStorage(new InMemoryStorageOptions());

    /// <summary>
    /// Hangfire gets connections of its own, from a connection string that differs from the
    /// workflow storage's (so a pool of its own) and without TransactionScope enlistment.
    /// Nothing here touches Npgsql's global type mappings.
    /// </summary>
    private static PostgreSqlStorage CreatePostgreSql(JobOptions options, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Enlist = false };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = options.EffectiveQueuePollInterval,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(builder.ConnectionString, storageOptions), storageOptions);
    }

    private static string ResolveConnectionString(JobOptions options, IServiceProvider services)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var storage = services.GetService<StorageOptions>();
        return storage is { IsPostgres: true }
            ? storage.ConnectionString
            : throw new InvalidOperationException(
                "PostgreSql job storage needs a connection string: set JobOptions.ConnectionString or use the Postgres workflow storage.");
    }
}
