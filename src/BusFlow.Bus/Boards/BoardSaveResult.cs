using BusFlow.Bus.Model;

namespace BusFlow.Bus.Boards;

/// <summary>The board as saved, or why nothing was saved: the fields in error, or no such board.</summary>
public sealed record BoardSaveResult(Board? Board, IReadOnlyList<BoardFieldError> Errors)
{
    public bool Found => Board is not null || Errors.Count > 0;

    public static BoardSaveResult NotFound { get; } = new(null, []);
}
