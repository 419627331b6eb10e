using BusFlow.Bus.Model;

namespace BusFlow.Bus.Bodies;

/// <summary>The body as saved, or why nothing was saved: the fields in error, or no such body.</summary>
public sealed record BodySaveResult(CollaborationBody? Body, IReadOnlyList<BodyFieldError> Errors)
{
    public bool Found => Body is not null || Errors.Count > 0;

    public static BodySaveResult NotFound { get; } = new(null, []);
}
