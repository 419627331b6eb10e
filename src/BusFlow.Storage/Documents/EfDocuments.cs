using BusFlow.Engine.Documents;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage.Documents;

/// <summary>Documents on a workflow session's own context and transaction (<c>session.Facet&lt;IDocuments&gt;()</c>).</summary>
internal sealed class EfDocuments(BusFlowDbContext db, Func<CancellationToken, Task> flush) : IDocuments
{
    public async Task<int> NextVersionAsync(string caseKey, string kind, CancellationToken ct)
    {
        await flush(ct);
        return (await db.Documents.Where(d => d.CaseKey == caseKey && d.Kind == kind).MaxAsync(d => (int?)d.Version, ct) ?? 0) + 1;
    }

    public void Add(StoredDocument document) => db.Documents.Add(document);

    public async Task<StoredDocument?> FindAsync(Guid id, CancellationToken ct)
    {
        await flush(ct);
        return await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
    }

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string caseKey, IReadOnlyCollection<string> kinds, CancellationToken ct)
    {
        await flush(ct);
        var wanted = kinds.ToArray();
        var documents = db.Documents.AsNoTracking().Where(d => d.CaseKey == caseKey);
        if (wanted.Length > 0)
        {
            documents = documents.Where(d => wanted.Contains(d.Kind));
        }

        // The content stays in the database: a listing reads what a page shows.
        var listed = await documents
            .Select(d => new StoredDocument
            {
                Id = d.Id,
                CaseKey = d.CaseKey,
                Kind = d.Kind,
                Version = d.Version,
                FileName = d.FileName,
                ContentType = d.ContentType,
                Size = d.Size,
                Checksum = d.Checksum,
                UploadedBy = d.UploadedBy,
                TaskId = d.TaskId,
                UploadedAt = d.UploadedAt,
            })
            .ToListAsync(ct);
        return [.. listed.OrderBy(d => d.Kind, StringComparer.Ordinal).ThenByDescending(d => d.Version)];
    }
}
