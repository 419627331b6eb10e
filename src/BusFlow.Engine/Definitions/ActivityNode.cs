using BusFlow.Engine.Expressions;

namespace BusFlow.Engine.Definitions;

/// <summary>One activity in a definition's tree, with its properties already parsed and checked.</summary>
public sealed class ActivityNode
{
    private readonly Dictionary<string, Expression> _expressions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityNode> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ActivityNode>> _childLists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, ActivityNode>> _childMaps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _literals = new(StringComparer.Ordinal);

    public ActivityNode(string id, string type, string jsonPath, ActivityNode? parent)
    {
        Id = id;
        Type = type;
        JsonPath = jsonPath;
        Parent = parent;
    }

    public string Id { get; }
    public string Type { get; }
    public string JsonPath { get; }
    public ActivityNode? Parent { get; }

    public Expression? Expression(string property) => _expressions.GetValueOrDefault(property);

    public ActivityNode? Child(string property) => _children.GetValueOrDefault(property);

    public IReadOnlyList<ActivityNode> ChildList(string property) =>
        _childLists.TryGetValue(property, out var list) ? list : [];

    public IReadOnlyDictionary<string, ActivityNode> ChildMap(string property) =>
        _childMaps.TryGetValue(property, out var map) ? map : new Dictionary<string, ActivityNode>();

    public T? Literal<T>(string property) => _literals.TryGetValue(property, out var value) && value is T typed ? typed : default;

    public bool Has(string property) =>
        _expressions.ContainsKey(property) || _children.ContainsKey(property) || _childLists.ContainsKey(property)
        || _childMaps.ContainsKey(property) || _literals.ContainsKey(property);

    internal void SetExpression(string property, Expression expression) => _expressions[property] = expression;

    internal void SetChild(string property, ActivityNode child) => _children[property] = child;

    internal void SetChildList(string property, IReadOnlyList<ActivityNode> children) => _childLists[property] = children;

    internal void SetChildMap(string property, IReadOnlyDictionary<string, ActivityNode> children) => _childMaps[property] = children;

    internal void SetLiteral(string property, object? value) => _literals[property] = value;
}
