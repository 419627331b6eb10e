using BusFlow.Bus.Papers;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage.Papers;

/// <summary>The uploaded template versions, each question on a context of its own.</summary>
internal sealed class EfPaperTemplates(IDbContextFactory<BusFlowDbContext> contexts) : IPaperTemplates
{
    public async Task<PaperTemplate?> NewestAsync(string kind, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PaperTemplates.AsNoTracking().Where(t => t.Kind == kind).OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
    }

    public async Task<bool> TryAddAsync(PaperTemplate template, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.PaperTemplates.Add(template);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException lost) when (db.IsLostRace(lost))
        {
            return false;
        }
    }
}
