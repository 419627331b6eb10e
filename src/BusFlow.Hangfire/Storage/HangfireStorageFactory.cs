using BusFlow.Storage;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BusFlow.Hangfire.Storage;

/// <summary>Builds the Hangfire job storage that <see cref="JobOptions"/> asks for.</summary>
internal static class HangfireStorageFactory
{
    public const string Schema = "hangfire";
    private const string ApplicationName = "busflow-hangfire";

    public static JobStorage Create(JobOptions options, IServiceProvider services) =>
        options.IsPostgreSql
            ? CreatePostgreSql(options, ConnectionString(options, services))
            : new InMemoryStorage(new InMemoryStorageOptions());

    /// <summary>
    /// Hangfire gets connections of its own, from a connection string that differs from the
    /// workflow storage's (so a pool of its own) and without TransactionScope enlistment.
    /// Nothing here touches Npgsql's global type mappings. The schema is not installed here: nodes
    /// starting together would race to install it; the migration installs it (<see cref="HangfireSchema"/>).
    /// </summary>
    private static PostgreSqlStorage CreatePostgreSql(JobOptions options, string connectionString)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = false,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = options.InvisibilityTimeout,
            DistributedLockTimeout = options.DistributedLockTimeout,
            QueuePollInterval = options.EffectiveQueuePollInterval,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(HangfireConnectionString(connectionString), storageOptions), storageOptions);
    }

    internal static string HangfireConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Enlist = false };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        return builder.ConnectionString;
    }

    internal static string ConnectionString(JobOptions options, IServiceProvider services)
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
