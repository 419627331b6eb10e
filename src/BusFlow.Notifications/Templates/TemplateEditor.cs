using NodaTime;

namespace BusFlow.Notifications.Templates;

/// <summary>
/// Templates edited in the browser: tried with a sample task before anything is saved, saved as a new
/// version (a template with a mistake, or an edit begun from an older version, is refused and nothing is
/// saved), and used for the next mail at once.
/// </summary>
public sealed class TemplateEditor(FluidMessageTemplates templates, SavedMessageTemplates saved, ITemplateVersions versions, IClock clock)
{
    public const int MaxNoteLength = 200;

    public IReadOnlyCollection<string> Names => templates.Names;

    public bool Exists(string name) => templates.Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The text an edit of <paramref name="name"/> in <paramref name="language"/> begins from, and its version (0: the folder's files).</summary>
    public async Task<(TemplateText Text, TemplateVersion? Version)> CurrentAsync(string name, string language, CancellationToken ct)
    {
        var newest = (await versions.HistoryAsync(name, ct)).FirstOrDefault(v => v.Language == language);
        var text = newest?.Text ?? templates.FolderText(name, language) ?? templates.FolderText(name, FluidMessageTemplates.Swedish)!;
        return (text, newest);
    }

    /// <summary>Renders <paramref name="text"/> with the sample task, or says what is wrong with it.</summary>
    public TemplateTrial Try(string language, TemplateText text) => templates.Try(language, text, TemplateSamples.Model());

    /// <summary>
    /// Saves <paramref name="text"/> as version <paramref name="basedOn"/> + 1 of <paramref name="name"/> in
    /// <paramref name="language"/>, when it has no mistake, a note is given and no one saved a newer version meanwhile.
    /// </summary>
    public async Task<TemplateSaveResult> SaveAsync(string name, string language, TemplateText text, int basedOn, string? note, string savedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<TemplateError>();
        var trimmedNote = note?.Trim() ?? "";
        if (trimmedNote.Length == 0 || trimmedNote.Length > MaxNoteLength)
        {
            errors.Add(new TemplateError(TemplateSaveResult.NotePart, null, null,
                trimmedNote.Length == 0 ? "a note saying what changed is required" : $"the note is at most {MaxNoteLength} characters"));
        }

        errors.AddRange(Try(language, text).Errors);
        if (errors.Count > 0)
        {
            return TemplateSaveResult.Refused([.. errors]);
        }

        if (await NewerThanAsync(name, language, basedOn, ct) is { } newer)
        {
            return TemplateSaveResult.Conflict(newer);
        }

        var version = new TemplateVersion
        {
            Name = name,
            Language = language,
            Number = basedOn + 1,
            Subject = text.Subject.ReplaceLineEndings("\n").Trim(),
            PlainText = text.PlainText.ReplaceLineEndings("\n"),
            Html = text.Html.ReplaceLineEndings("\n"),
            SavedBy = savedBy,
            SavedAt = clock.GetCurrentInstant(),
            Note = trimmedNote,
        };
        if (!await versions.TryAddAsync(version, ct))
        {
            return TemplateSaveResult.Conflict((await NewerThanAsync(name, language, basedOn, ct))!);
        }

        saved.Refresh();
        return new TemplateSaveResult(version, [], null);
    }

    private async Task<TemplateVersion?> NewerThanAsync(string name, string language, int basedOn, CancellationToken ct) =>
        (await versions.HistoryAsync(name, ct)).FirstOrDefault(v => v.Language == language && v.Number > basedOn);
}
