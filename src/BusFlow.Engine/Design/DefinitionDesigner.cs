using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Design;

/// <summary>
/// Drafts of definitions: made blank or from a published version, saved as they are (errors and all)
/// with a check that nobody saved in between, checked with the same loader and the same rules against
/// the published versions as the folder import, and published as the next version. A draft never runs.
/// </summary>
public sealed class DefinitionDesigner(IWorkflowStore store, DefinitionCatalog catalog, IClock clock)
{
    /// <summary>How the designer writes JSON: indented, with å, ä and ö as they are.</summary>
    public static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<DraftCreation> CreateBlankAsync(string definitionId, string name, string actor, CancellationToken ct)
    {
        definitionId = definitionId.Trim();
        if (!DefinitionLoader.DefinitionIdPattern().IsMatch(definitionId))
        {
            return new DraftCreation(null, DraftCreationProblem.InvalidId);
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return new DraftCreation(null, DraftCreationProblem.NameMissing);
        }

        await using var session = await store.BeginAsync(ct);
        if (await session.FindLatestDefinitionAsync(definitionId, ct) is not null)
        {
            return new DraftCreation(null, DraftCreationProblem.IdTaken);
        }

        var json = new JsonObject
        {
            ["$schema"] = "./workflow.schema.json",
            ["id"] = definitionId,
            ["version"] = 1,
            ["name"] = name.Trim(),
            ["root"] = new JsonObject { ["type"] = "Sequence", ["id"] = "main", ["activities"] = new JsonArray() },
        };
        var draft = NewDraft(definitionId, null, json.ToJsonString(Written), actor);
        session.Facet<IDefinitionDrafts>().Add(draft);
        await session.CommitAsync(ct);
        return new DraftCreation(draft);
    }

    /// <summary>A draft of the next version, starting from the text of a published one.</summary>
    public async Task<DraftCreation> CreateFromVersionAsync(string definitionId, int version, string actor, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var published = await session.FindDefinitionAsync(definitionId, version, ct);
        var latest = await session.FindLatestDefinitionAsync(definitionId, ct);
        if (published is null || latest is null)
        {
            return new DraftCreation(null, DraftCreationProblem.VersionNotFound);
        }

        var json = JsonNode.Parse(published.Json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        json["version"] = latest.Version + 1;
        var draft = NewDraft(definitionId, version, json.ToJsonString(Written), actor);
        session.Facet<IDefinitionDrafts>().Add(draft);
        await session.CommitAsync(ct);
        return new DraftCreation(draft);
    }

    public async Task<DefinitionDraft?> FindAsync(Guid draftId, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await session.Facet<IDefinitionDrafts>().FindAsync(draftId, ct);
    }

    public async Task<IReadOnlyList<DefinitionDraft>> ListAsync(CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await session.Facet<IDefinitionDrafts>().ListAsync(ct);
    }

    /// <summary>Every error publishing the text would meet: the loader's, then the published versions'.</summary>
    public async Task<DraftCheck> CheckAsync(string definitionId, string json, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await CheckAsync(session, definitionId, json, ct);
    }

    /// <summary>Saves the text as it is, unless someone saved the draft after <paramref name="basedOn"/>.</summary>
    public async Task<DraftSaveResult> SaveAsync(Guid draftId, string json, int basedOn, string actor, CancellationToken ct)
    {
        try
        {
            await using var session = await store.BeginAsync(ct);
            var draft = await session.Facet<IDefinitionDrafts>().FindAsync(draftId, ct);
            if (draft is null)
            {
                return DraftSaveResult.NotFound;
            }

            if (draft.Version != basedOn)
            {
                return new DraftSaveResult(DraftSaveStatus.Conflict, draft);
            }

            if (draft.Json != json)
            {
                draft.Json = json;
                draft.SavedBy = actor;
                draft.SavedAt = clock.GetCurrentInstant();
            }

            await session.CommitAsync(ct);
            return new DraftSaveResult(DraftSaveStatus.Saved, draft);
        }
        catch (ConcurrencyConflictException)
        {
            return new DraftSaveResult(DraftSaveStatus.Conflict, await FindAsync(draftId, ct));
        }
    }

    /// <summary>
    /// Publishes the draft as it was saved in version <paramref name="basedOn"/> and removes it; with
    /// any error nothing is published and the draft stays.
    /// </summary>
    public async Task<DraftSaveResult> PublishAsync(Guid draftId, int basedOn, CancellationToken ct)
    {
        try
        {
            await using var session = await store.BeginAsync(ct);
            var drafts = session.Facet<IDefinitionDrafts>();
            var draft = await drafts.FindAsync(draftId, ct);
            if (draft is null)
            {
                return DraftSaveResult.NotFound;
            }

            if (draft.Version != basedOn)
            {
                return new DraftSaveResult(DraftSaveStatus.Conflict, draft);
            }

            var check = await CheckAsync(session, draft.DefinitionId, draft.Json, ct);
            if (!check.CanPublish)
            {
                return new DraftSaveResult(DraftSaveStatus.Invalid, draft, check.Errors);
            }

            var definition = check.Loaded!;
            DefinitionCatalog.Add(session, definition, $"designer ({draft.SavedBy})", clock.GetCurrentInstant());
            drafts.Remove(draft);
            var running = await session.CountGoingAsync(definition.Id, version: null, ct);
            await session.CommitAsync(ct);
            return new DraftSaveResult(DraftSaveStatus.Saved, draft) { PublishedVersion = definition.Version, RunningOnEarlierVersions = running };
        }
        catch (ConcurrencyConflictException)
        {
            return new DraftSaveResult(DraftSaveStatus.Conflict, await FindAsync(draftId, ct));
        }
    }

    public async Task<bool> DeleteAsync(Guid draftId, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var drafts = session.Facet<IDefinitionDrafts>();
        if (await drafts.FindAsync(draftId, ct) is not { } draft)
        {
            return false;
        }

        drafts.Remove(draft);
        await session.CommitAsync(ct);
        return true;
    }

    /// <summary>The file a version is exported as, and the name its errors carry.</summary>
    public static string FileName(string definitionId) => $"{definitionId}.json";

    private async Task<DraftCheck> CheckAsync(IWorkflowSession session, string definitionId, string json, CancellationToken ct)
    {
        var loaded = catalog.Loader.Load(json, FileName(definitionId));
        if (!loaded.IsValid)
        {
            return new DraftCheck(loaded.Errors, null);
        }

        var definition = loaded.Definitions[0];
        if (definition.Id != definitionId)
        {
            return new DraftCheck([new DefinitionError(FileName(definitionId), "$.id", Says.That(nameof(DefinitionTexts.DraftChangesId), definitionId, definition.Id))], definition);
        }

        return new DraftCheck(await catalog.CheckAgainstPublishedAsync(session, definition, ct), definition);
    }

    private DefinitionDraft NewDraft(string definitionId, int? basedOnVersion, string json, string actor)
    {
        var now = clock.GetCurrentInstant();
        return new DefinitionDraft
        {
            Id = Guid.NewGuid(),
            DefinitionId = definitionId,
            BasedOnVersion = basedOnVersion,
            Json = json,
            CreatedBy = actor,
            CreatedAt = now,
            SavedBy = actor,
            SavedAt = now,
        };
    }
}
