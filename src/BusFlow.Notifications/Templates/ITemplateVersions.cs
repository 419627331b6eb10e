namespace BusFlow.Notifications.Templates;

/// <summary>The saved versions of the message templates, shared by every node of an installation.</summary>
public interface ITemplateVersions
{
    /// <summary>
    /// The id of the newest version of any template (0 with none): a cheap question asked before each
    /// render, so that a version saved on another node is used here too. Synchronous because rendering is.
    /// </summary>
    long LatestId();

    /// <summary>The newest version of each template and language.</summary>
    IReadOnlyList<TemplateVersion> Newest();

    /// <summary>The newest version of each template and language.</summary>
    Task<IReadOnlyList<TemplateVersion>> NewestAsync(CancellationToken ct);

    /// <summary>The versions of one template, newest first.</summary>
    Task<IReadOnlyList<TemplateVersion>> HistoryAsync(string name, CancellationToken ct);

    Task<TemplateVersion?> FindAsync(long id, CancellationToken ct);

    /// <summary>
    /// Adds <paramref name="version"/>; false when its template and language already has a version of that
    /// number (someone else saved first), and then nothing is added.
    /// </summary>
    Task<bool> TryAddAsync(TemplateVersion version, CancellationToken ct);
}
