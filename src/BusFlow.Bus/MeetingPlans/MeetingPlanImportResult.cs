namespace BusFlow.Bus.MeetingPlans;

/// <summary>
/// The outcome of reading a meeting plan into a board: the changes, or the errors of the file (then
/// nothing was saved), or that there is no such board.
/// </summary>
public sealed record MeetingPlanImportResult(bool BoardFound, IReadOnlyList<MeetingPlanError> Errors, MeetingPlanChanges? Changes)
{
    public bool Succeeded => BoardFound && Errors.Count == 0 && Changes is not null;

    public static MeetingPlanImportResult NoBoard { get; } = new(false, [], null);

    public static MeetingPlanImportResult Refused(IReadOnlyList<MeetingPlanError> errors) => new(true, errors, null);

    public static MeetingPlanImportResult Saved(MeetingPlanChanges changes) => new(true, [], changes);
}
