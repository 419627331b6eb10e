namespace BusFlow.Web.Pages.Workflows;

/// <summary>
/// Runs a draft on a simulated year without touching anything real: on a copy of the collaboration's
/// records, with the published definitions beside the draft, on a virtual clock. The host provides it.
/// </summary>
public interface IDraftPreview
{
    /// <exception cref="DraftPreviewException">The draft or its input cannot run; nothing ran.</exception>
    Task<IReadOnlyList<DraftPreviewLine>> RunAsync(DraftPreviewRequest request, CancellationToken ct);
}
