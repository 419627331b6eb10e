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

    /// <summary>Whether the folder has files for <paramref name="name"/> in <paramref name="language"/>.</summary>
    public bool InFolder(string name, string language) => templates.FolderText(name, language) is not null;

    /// <summary>The newest saved version of each template and language.</summary>
    public Task<IReadOnlyList<TemplateVersion>> NewestAsync(CancellationToken ct) => versions.NewestAsync(ct);

    /// <summary>The versions of <paramref name="name"/> in every language, newest first.</summary>
    public Task<IReadOnlyList<TemplateVersion>> HistoryAsync(string name, CancellationToken ct) => versions.HistoryAsync(name, ct);

    /// <summary>Version <paramref name="id"/> when it is one of <paramref name="name"/>'s.</summary>
    public async Task<TemplateVersion?> VersionAsync(string name, long id, CancellationToken ct) =>
        await versions.FindAsync(id, ct) is { } version && version.Name == name ? version : null;

    /// <summary>
    /// The text an edit of <paramref name="name"/> in <paramref name="language"/> begins from and the version it
    /// is (null: the folder's files). A language the template does not have yet (<c>Own</c> false) begins from
    /// the Swedish text, which is also what its mail is sent in until it is saved.
    /// </summary>
    public async Task<(TemplateText Text, TemplateVersion? Version, bool Own)> CurrentAsync(string name, string language, CancellationToken ct)
    {
        var history = await versions.HistoryAsync(name, ct);
        if (history.FirstOrDefault(v => v.Language == language) is { } newest)
        {
            return (newest.Text, newest, true);
        }

        if (templates.FolderText(name, language) is { } folder)
        {
            return (folder, null, true);
        }

        var swedish = history.FirstOrDefault(v => v.Language == FluidMessageTemplates.Swedish);
        return (swedish?.Text ?? templates.FolderText(name, FluidMessageTemplates.Swedish)!, null, false);
    }

    /// <summary>Renders <paramref name="text"/> with the sample task, or says what is wrong with it.</summary>
    public TemplateTrial Try(string language, TemplateText text) => templates.Try(language, text, TemplateSamples.Model());

    /// <summary>
    /// Saves <paramref name="text"/> as the next version of <paramref name="name"/> in <paramref name="language"/>,
    /// when it has no mistake, a note is given and no version newer than <paramref name="basedOn"/> (0: the
    /// folder's files) was saved meanwhile.
    /// </summary>
    public async Task<TemplateSaveResult> SaveAsync(string name, string language, TemplateText text, int basedOn, string? note, string savedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Exists(name) || !FluidMessageTemplates.Languages.Contains(language, StringComparer.Ordinal))
        {
            throw new ArgumentException($"There is no message template '{name}' in '{language}' to save.", nameof(name));
        }

        var errors = new List<TemplateError>();
        var trimmedNote = note?.Trim() ?? "";
        if (trimmedNote.Length == 0 || trimmedNote.Length > MaxNoteLength)
        {
            errors.Add(new TemplateError(TemplateSaveResult.NotePart, null, null,
                trimmedNote.Length == 0 ? TemplateSaveResult.NoteMissing : $"the note is at most {MaxNoteLength} characters"));
        }

        errors.AddRange(Try(language, text).Errors);
        if (errors.Count > 0)
        {
            return TemplateSaveResult.Refused([.. errors]);
        }

        var newest = await NewestOfAsync(name, language, ct);
        if (newest is not null && newest.Number > basedOn)
        {
            return TemplateSaveResult.Conflict(newest);
        }

        var version = new TemplateVersion
        {
            Name = name,
            Language = language,
            // Numbered after the newest, whatever the form claimed to begin from.
            Number = (newest?.Number ?? 0) + 1,
            Subject = text.Subject.ReplaceLineEndings("\n").Trim(),
            PlainText = text.PlainText.ReplaceLineEndings("\n"),
            Html = text.Html.ReplaceLineEndings("\n"),
            SavedBy = savedBy,
            SavedAt = clock.GetCurrentInstant(),
            Note = trimmedNote,
        };
        if (!await versions.TryAddAsync(version, ct))
        {
            return TemplateSaveResult.Conflict((await NewestOfAsync(name, language, ct))!);
        }

        saved.Refresh();
        return new TemplateSaveResult(version, [], null);
    }

    private async Task<TemplateVersion?> NewestOfAsync(string name, string language, CancellationToken ct) =>
        (await versions.HistoryAsync(name, ct)).FirstOrDefault(v => v.Language == language);
}
