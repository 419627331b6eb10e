namespace BusFlow.Bus.People;

public enum AssignmentProblem
{
    Required,
    NoPerson,
    NoBoard,
    NoBody,

    /// <summary>An assignment is on a board or in a body, not both.</summary>
    BoardAndBody,

    /// <summary>Until is before From.</summary>
    EndsBeforeStart,

    /// <summary>Someone else's (or the same person's) assignment of the same one-seat role there covers some of the same days.</summary>
    Overlaps,
}
