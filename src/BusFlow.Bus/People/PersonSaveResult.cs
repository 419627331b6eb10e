using BusFlow.Bus.Model;

namespace BusFlow.Bus.People;

/// <summary>
/// The person as saved, or why nothing was saved: the fields in error, or no such person. When a
/// change gave the person a new address, <see cref="PreviousEmail"/> is the one she had.
/// </summary>
public sealed record PersonSaveResult(Person? Person, IReadOnlyList<PersonFieldError> Errors, string? PreviousEmail = null)
{
    public bool Found => Person is not null || Errors.Count > 0;

    /// <summary>The open tasks that went with the person to her new address.</summary>
    public int MovedTasks { get; init; }

    public static PersonSaveResult NotFound { get; } = new(null, []);
}
