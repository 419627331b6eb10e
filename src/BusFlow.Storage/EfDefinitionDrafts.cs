using BusFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage;

/// <summary>The drafts of definitions on a workflow session's own context and transaction.</summary>
internal sealed class EfDefinitionDrafts(BusFlowDbContext db, Func<CancellationToken, Task> flush) : IDefinitionDrafts
{
    public async Task<DefinitionDraft?> FindAsync(Guid id, CancellationToken ct) => await db.DefinitionDrafts.FindAsync([id], ct);

    public async Task<IReadOnlyList<DefinitionDraft>> ListAsync(CancellationToken ct)
    {
        await flush(ct);
        return await db.DefinitionDrafts.OrderByDescending(d => d.SavedAt).ThenBy(d => d.Id).ToListAsync(ct);
    }

    public void Add(DefinitionDraft draft) => db.DefinitionDrafts.Add(draft);

    public void Remove(DefinitionDraft draft) => db.DefinitionDrafts.Remove(draft);
}
