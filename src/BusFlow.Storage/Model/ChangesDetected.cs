using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BusFlow.Storage.Model;

/// <summary>
/// While alive, the change tracker takes the changes it has as detected: EF Core otherwise scans
/// every tracked row again on each look at its entries and on the save itself.
/// </summary>
internal readonly struct ChangesDetected : IDisposable
{
    private readonly ChangeTracker _changeTracker;
    private readonly bool _wasDetecting;

    public ChangesDetected(ChangeTracker changeTracker)
    {
        _changeTracker = changeTracker;
        _wasDetecting = changeTracker.AutoDetectChangesEnabled;
        changeTracker.AutoDetectChangesEnabled = false;
    }

    public void Dispose() => _changeTracker.AutoDetectChangesEnabled = _wasDetecting;
}
