using BusFlow.Notifications.Templates;

namespace BusFlow.Notifications.Tests.Templates;

/// <summary>The template versions of one installation in memory, shared by the "nodes" of a test; counts how often the versions are read in full.</summary>
internal sealed class MemoryTemplateVersions : ITemplateVersions
{
    private readonly List<TemplateVersion> _versions = [];
    private readonly Lock _lock = new();

    public int FullReads { get; private set; }

    public IReadOnlyList<TemplateVersion> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _versions];
            }
        }
    }

    public long LatestId()
    {
        lock (_lock)
        {
            return _versions.Count == 0 ? 0 : _versions.Max(v => v.Id);
        }
    }

    public IReadOnlyList<TemplateVersion> Newest()
    {
        lock (_lock)
        {
            FullReads++;
            return [.. _versions.GroupBy(v => (v.Name, v.Language)).Select(g => g.MaxBy(v => v.Number)!)];
        }
    }

    public Task<IReadOnlyList<TemplateVersion>> NewestAsync(CancellationToken ct) => Task.FromResult(Newest());

    public Task<IReadOnlyList<TemplateVersion>> HistoryAsync(string name, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<TemplateVersion>>([.. _versions.Where(v => v.Name == name).OrderByDescending(v => v.Number)]);
        }
    }

    public Task<TemplateVersion?> FindAsync(long id, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(_versions.FirstOrDefault(v => v.Id == id));
        }
    }

    public Task<bool> TryAddAsync(TemplateVersion version, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_versions.Any(v => v.Name == version.Name && v.Language == version.Language && v.Number == version.Number))
            {
                return Task.FromResult(false);
            }

            version.Id = _versions.Count + 1;
            _versions.Add(version);
            return Task.FromResult(true);
        }
    }
}
