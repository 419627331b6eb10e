namespace BusFlow.Notifications.Templates;

/// <summary>
/// The version as saved, or why nothing was saved: the mistakes (each naming its part, or "note"), or a
/// newer version than the one the edit began from (<see cref="Newer"/>: who saved it, and when).
/// </summary>
public sealed record TemplateSaveResult(TemplateVersion? Saved, IReadOnlyList<TemplateError> Errors, TemplateVersion? Newer)
{
    public const string NotePart = "note";

    /// <summary>The mistake of a save without a note.</summary>
    public const string NoteMissing = "a note saying what changed is required";

    public static TemplateSaveResult Refused(params TemplateError[] errors) => new(null, errors, null);

    public static TemplateSaveResult Conflict(TemplateVersion newer) => new(null, [], newer);
}
