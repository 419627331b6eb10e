namespace BusFlow.Bus.Papers;

/// <summary>The version saved, or the check that refused the file.</summary>
public sealed record MemoTemplateSaveResult(PaperTemplate? Saved, PaperTemplateCheckResult Check);
