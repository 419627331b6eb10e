namespace BusFlow.Engine.Documents;

/// <summary>The stored documents, in the session's transaction (a facet of <see cref="Persistence.IWorkflowSession"/>).</summary>
public interface IDocuments
{
    /// <summary>The number the next upload of this kind for this case gets: one more than the highest so far, 1 for the first.</summary>
    Task<int> NextVersionAsync(string caseKey, string kind, CancellationToken ct);

    void Add(StoredDocument document);

    /// <summary>A document with its content; null when there is none with this id.</summary>
    Task<StoredDocument?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>The documents of a case (of these kinds; of every kind when none are given) without their content, newest version first per kind.</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string caseKey, IReadOnlyCollection<string> kinds, CancellationToken ct);
}
