using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BusFlow.Storage.Postgres;

/// <summary>
/// For <c>dotnet ef migrations add ... --context PostgresBusFlowDbContext</c>, which needs no server;
/// set BUSFLOW_DESIGN_POSTGRES to point other design-time commands at a real one.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBusFlowDbContext>
{
    public PostgresBusFlowDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("BUSFLOW_DESIGN_POSTGRES")
            ?? "Host=localhost;Database=busflow;Username=busflow";
        var builder = new DbContextOptionsBuilder<PostgresBusFlowDbContext>();
        PostgresBusFlowDbContext.Configure(builder, connectionString);
        return new PostgresBusFlowDbContext(builder.Options);
    }
}
