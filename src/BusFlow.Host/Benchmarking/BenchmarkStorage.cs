using BusFlow.Storage;

namespace BusFlow.Host.Benchmarking;

internal static class BenchmarkStorage
{
    public static bool UsesPostgres(this StorageOptions storage) =>
        string.Equals(storage.Provider, StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase);
}
