using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Storage.Tests;

public sealed class RegistrationTests
{
    [Theory]
    [InlineData("Sqlite", "Data Source=unused.db")]
    [InlineData("postgres", "Host=localhost;Database=unused")]
    public void AddBusFlowStorage_registers_a_store_whose_graph_validates(string provider, string connectionString)
    {
        var services = new ServiceCollection()
            .AddBusFlowStorage(new StorageOptions { Provider = provider, ConnectionString = connectionString });

        using var built = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<EfWorkflowStore>(built.GetRequiredService<IWorkflowStore>());
        using var db = built.GetRequiredService<IDbContextFactory<BusFlowDbContext>>().CreateDbContext();
        Assert.Equal(
            provider.Equals("Sqlite", StringComparison.Ordinal) ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL",
            db.Database.ProviderName);
    }

    [Fact]
    public void AddBusFlowStorage_refuses_an_unknown_provider()
    {
        Assert.Throws<ArgumentException>(() =>
            new ServiceCollection().AddBusFlowStorage(new StorageOptions { Provider = "SqlServer" }));
    }
}
