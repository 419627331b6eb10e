using System.Runtime.CompilerServices;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// A box a client opens before it calls the engine: what the engine hands over further down that call's async
/// flow (a new task, a new timer) lands in the client's own box, not in another client's running beside it.
/// </summary>
internal sealed class CallFlowBox<T>
{
    private readonly AsyncLocal<StrongBox<T>?> _current = new();

    public StrongBox<T> Open()
    {
        var box = new StrongBox<T>();
        _current.Value = box;
        return box;
    }

    public void Fill(T value)
    {
        if (_current.Value is { } box)
        {
            box.Value = value;
        }
    }
}
