using NodaTime;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>
/// An open decision task whose board meeting left the plan: moved to <paramref name="To"/>, the board's
/// next meeting, or left where it was (<paramref name="To"/> null) when no later meeting is planned.
/// </summary>
public sealed record DeadlineMove(Guid TaskId, string Title, LocalDate From, LocalDate? To)
{
    public bool Moved => To is not null;
}
