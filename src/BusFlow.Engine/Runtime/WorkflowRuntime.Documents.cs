using System.Text.Json.Nodes;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Stores the files of an answer, in its transaction, each as the next version of its kind in the
    /// task's documents case; returns the answer's facts with each document field naming what was stored.
    /// </summary>
    private static async Task<JsonObject?> StoreDocumentsAsync(
        RuntimeSession session, TaskAnswerSpec spec, HumanTask task, JsonObject? data, TaskAnswer answer, CancellationToken ct)
    {
        if (answer.Documents is not { Count: > 0 } uploads)
        {
            return data;
        }

        var documents = session.Store.Facet<IDocuments>();
        var caseKey = spec.Documents?.CaseKey ?? $"instance/{task.InstanceId}";
        var facts = data ?? [];
        foreach (var field in spec.Fields.Where(f => f.IsDocument))
        {
            if (!uploads.TryGetValue(field.Name, out var upload))
            {
                continue;
            }

            var kind = field.Kind ?? field.Name;
            var document = new StoredDocument
            {
                Id = Guid.CreateVersion7(),
                CaseKey = caseKey,
                Kind = kind,
                Version = await documents.NextVersionAsync(caseKey, kind, ct),
                FileName = upload.FileName,
                ContentType = upload.Type.ContentType,
                Size = upload.Content.LongLength,
                Checksum = upload.Checksum,
                UploadedBy = answer.Actor,
                TaskId = task.Id,
                UploadedAt = session.Now,
                Content = upload.Content,
            };
            documents.Add(document);
            facts[field.Name] = DescriptionOf(document);
        }

        return facts.Count > 0 ? facts : null;
    }

    /// <summary>What later steps know of a stored document: which version of what, and its checksum.</summary>
    public static JsonObject DescriptionOf(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new JsonObject
        {
            ["documentId"] = document.Id.ToString(),
            ["version"] = document.Version,
            ["checksum"] = document.Checksum,
            ["fileName"] = document.FileName,
            ["kind"] = document.Kind,
            ["case"] = document.CaseKey,
            ["size"] = document.Size,
        };
    }
}
