namespace BusFlow.Bus.Shortcomings;

/// <summary>The report as taken (the instance of its workflow), or why nothing was taken: the fields in error, or no such agreement.</summary>
public sealed record ShortcomingReportResult(Guid? InstanceId, IReadOnlyList<ShortcomingFieldError> Errors)
{
    public bool Found => InstanceId is not null || Errors.Count > 0;

    public static ShortcomingReportResult NotFound { get; } = new(null, []);
}
