namespace BusFlow.Engine.Persistence;

/// <summary>The drafts of definitions, in the session's transaction (a facet of <see cref="IWorkflowSession"/>).</summary>
public interface IDefinitionDrafts
{
    Task<DefinitionDraft?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>Every draft, of every definition, the most recently saved first.</summary>
    Task<IReadOnlyList<DefinitionDraft>> ListAsync(CancellationToken ct);

    void Add(DefinitionDraft draft);

    void Remove(DefinitionDraft draft);
}
