using NodaTime;

namespace BusFlow.Notifications.Templates;

/// <summary>
/// One saved edit of one language of a template, all its parts: the newest of a template and language is
/// used in place of the folder's files. Versions are never changed; restoring an old one saves it again.
/// <see cref="Number"/> counts a template and language's versions from 1; the folder's files are version 0.
/// </summary>
public sealed class TemplateVersion
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string Language { get; set; }

    public int Number { get; set; }

    public required string Subject { get; set; }

    public required string PlainText { get; set; }

    public required string Html { get; set; }

    /// <summary>Who saved it (the account's address).</summary>
    public required string SavedBy { get; set; }

    public Instant SavedAt { get; set; }

    /// <summary>Why, in a few words.</summary>
    public required string Note { get; set; }

    public TemplateText Text => new(Subject, PlainText, Html);
}
