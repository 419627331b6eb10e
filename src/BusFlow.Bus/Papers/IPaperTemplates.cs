namespace BusFlow.Bus.Papers;

/// <summary>The uploaded versions of the papers' templates, each question on its own (a download reads it outside any workflow step).</summary>
public interface IPaperTemplates
{
    /// <summary>The newest version of a kind, or null when none has been uploaded.</summary>
    Task<PaperTemplate?> NewestAsync(string kind, CancellationToken ct);

    /// <summary>False when another version with the same number was saved first (two uploads at once).</summary>
    Task<bool> TryAddAsync(PaperTemplate template, CancellationToken ct);
}
