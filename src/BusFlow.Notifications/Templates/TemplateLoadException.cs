namespace BusFlow.Notifications.Templates;

/// <summary>
/// One mistake in a template folder: the file (name only, relative to the folder), the line and
/// column where the parser stopped (when it says), and what is wrong.
/// </summary>
public sealed record TemplateError(string File, int? Line, int? Column, string Message)
{
    /// <summary>"task-assigned.sv-SE.html.liquid:12:5: '{% endif %}' was expected".</summary>
    public override string ToString() => Line is { } line
        ? $"{File}:{line}{(Column is { } column ? $":{column}" : "")}: {Message}"
        : $"{File}: {Message}";
}

/// <summary>
/// The templates of a folder could not be loaded. <see cref="Errors"/> lists every mistake found,
/// not just the first, so an administrator can fix them all at once. Nothing of the folder is used.
/// </summary>
public sealed class TemplateLoadException : Exception
{
    public TemplateLoadException(string folder, IReadOnlyList<TemplateError> errors)
        : base(Describe(folder, errors))
    {
        Folder = folder;
        Errors = errors;
    }

    public string Folder { get; }

    public IReadOnlyList<TemplateError> Errors { get; }

    private static string Describe(string folder, IReadOnlyList<TemplateError> errors) =>
        $"The message templates in '{folder}' have {errors.Count} error{(errors.Count == 1 ? "" : "s")}:"
        + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
}
