using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BusFlow.Storage.Sqlite;

/// <summary>For <c>dotnet ef migrations add ... --context SqliteBusFlowDbContext</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBusFlowDbContext>
{
    public SqliteBusFlowDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteBusFlowDbContext>();
        SqliteBusFlowDbContext.Configure(builder, new StorageOptions().ConnectionString);
        return new SqliteBusFlowDbContext(builder.Options);
    }
}
