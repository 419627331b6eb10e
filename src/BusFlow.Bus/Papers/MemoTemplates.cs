using NodaTime;

namespace BusFlow.Bus.Papers;

/// <summary>The memo template in use: the newest uploaded version, or BusFlow's own; and the upload of a new version, checked first.</summary>
public sealed class MemoTemplates(IPaperTemplates templates, IClock clock)
{
    /// <summary>The template the memos are written from now: its content, file name and version (0: BusFlow's own).</summary>
    public async Task<PaperTemplate> CurrentAsync(CancellationToken ct) =>
        await templates.NewestAsync(PaperTemplate.MemoKind, ct)
        ?? new PaperTemplate { Kind = PaperTemplate.MemoKind, Number = 0, FileName = DefaultMemoTemplate.FileName, Content = DefaultMemoTemplate.Create(), SavedBy = "BusFlow" };

    /// <summary>Saves the file as the next version, or tells why not (nothing is saved then).</summary>
    public async Task<MemoTemplateSaveResult> SaveAsync(byte[] content, string fileName, string savedBy, CancellationToken ct)
    {
        var check = PaperTemplateCheck.Check(content);
        if (!check.Accepted)
        {
            return new MemoTemplateSaveResult(null, check);
        }

        // Two uploads at once: the one that loses takes the next number.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var newest = await templates.NewestAsync(PaperTemplate.MemoKind, ct);
            var version = new PaperTemplate
            {
                Kind = PaperTemplate.MemoKind,
                Number = (newest?.Number ?? 0) + 1,
                FileName = PaperFileNames.Safe(Path.GetFileName(fileName)) is { Length: > 0 } safe ? safe : DefaultMemoTemplate.FileName,
                Content = content,
                SavedBy = savedBy,
                SavedAt = clock.GetCurrentInstant(),
            };
            if (await templates.TryAddAsync(version, ct))
            {
                return new MemoTemplateSaveResult(version, check);
            }
        }

        throw new InvalidOperationException("The memo template could not be saved: other versions kept being saved at the same time.");
    }
}
