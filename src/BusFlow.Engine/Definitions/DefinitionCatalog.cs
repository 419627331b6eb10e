using System.Collections.Concurrent;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Definitions;

/// <summary>
/// Published definitions: publishing adds immutable versions; reading parses each version's
/// snapshot once and keeps it, since a published version never changes.
/// </summary>
public sealed class DefinitionCatalog(DefinitionLoader loader)
{
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> _parsed = new();

    public DefinitionLoader Loader => loader;

    /// <summary>A version of a definition, or its latest published version when none is asked for.</summary>
    public async Task<WorkflowDefinition?> GetAsync(IWorkflowSession session, string definitionId, int? version, CancellationToken ct)
    {
        if (version is { } v && _parsed.TryGetValue((definitionId, v), out var cached))
        {
            return cached;
        }

        var published = version is { } exact
            ? await session.FindDefinitionAsync(definitionId, exact, ct)
            : await session.FindLatestDefinitionAsync(definitionId, ct);
        return published is null ? null : Parse(published);
    }

    public WorkflowDefinition Parse(PublishedDefinition published) =>
        _parsed.GetOrAdd((published.DefinitionId, published.Version), _ =>
        {
            var result = loader.Load(published.Json, published.SourceFile);
            return result.IsValid
                ? result.Definitions[0]
                : throw new DefinitionValidationException(result.Errors);
        });

    /// <summary>
    /// Publishes the definitions in one transaction. A version already published with the same
    /// content is left as it is; one published with other content is an error, and then nothing is published.
    /// </summary>
    public async Task<IReadOnlyList<PublishOutcome>> PublishAsync(IWorkflowStore store, IReadOnlyList<WorkflowDefinition> definitions, Instant now, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var outcomes = new List<PublishOutcome>();
        var errors = new List<DefinitionError>();
        foreach (var definition in definitions)
        {
            var hash = DefinitionLoader.ContentHash(definition.Json);
            var existing = await session.FindDefinitionAsync(definition.Id, definition.Version, ct);
            if (existing is not null)
            {
                if (existing.ContentHash != hash)
                {
                    errors.Add(new DefinitionError(definition.SourceFile, "$.version",
                        $"version {definition.Version} of '{definition.Id}' is already published with other content; a published version never changes, so publish this as version {definition.Version + 1}"));
                }

                outcomes.Add(new PublishOutcome(definition.Id, definition.Version, Published: false));
                continue;
            }

            var latest = await session.FindLatestDefinitionAsync(definition.Id, ct);
            if (latest is not null && latest.Version > definition.Version)
            {
                errors.Add(new DefinitionError(definition.SourceFile, "$.version",
                    $"'{definition.Id}' is already published as version {latest.Version}; a new version must be higher than that"));
                continue;
            }

            session.Add(new PublishedDefinition
            {
                DefinitionId = definition.Id,
                Version = definition.Version,
                Name = definition.Name,
                Json = definition.Json,
                ContentHash = hash,
                SourceFile = definition.SourceFile,
                PublishedAt = now,
            });
            outcomes.Add(new PublishOutcome(definition.Id, definition.Version, Published: true));
        }

        if (errors.Count > 0)
        {
            throw new DefinitionValidationException(errors);
        }

        await session.CommitAsync(ct);
        return outcomes;
    }
}

public sealed record PublishOutcome(string DefinitionId, int Version, bool Published);
