namespace BusFlow.Bus.Papers;

/// <summary>The check of an uploaded template: its placeholders, or why it is refused (with the unknown placeholders named).</summary>
public sealed record PaperTemplateCheckResult(PaperTemplateProblem? Problem, IReadOnlyList<string> UnknownPlaceholders, IReadOnlyList<string> Placeholders)
{
    public bool Accepted => Problem is null;

    public static PaperTemplateCheckResult Refused(PaperTemplateProblem problem, IReadOnlyList<string>? unknown = null) => new(problem, unknown ?? [], []);
}
