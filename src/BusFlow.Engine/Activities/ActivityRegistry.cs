namespace BusFlow.Engine.Activities;

/// <summary>The activity types known to a runtime: the built-in set plus what modules register.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityType> _types = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<ActivityType> types)
    {
        foreach (var type in types)
        {
            if (!_types.TryAdd(type.Descriptor.Type, type))
            {
                throw new InvalidOperationException($"Two activity types are registered as '{type.Descriptor.Type}'.");
            }
        }
    }

    public IReadOnlyCollection<ActivityType> Types => _types.Values;

    public ActivityType? Find(string type) => _types.GetValueOrDefault(type);

    public ActivityType Get(string type) =>
        Find(type) ?? throw new InvalidOperationException($"No activity type '{type}' is registered.");

    /// <summary>The registry with only the engine's own activities.</summary>
    public static ActivityRegistry BuiltIn() => new(BuiltInActivities.All());
}
