using System.Collections.Concurrent;
using BusFlow.Engine.Definitions.Texts;
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
        // The latest version can change under us (another node publishes), so its number is always asked;
        // its content never changes once published, so that is read and parsed once.
        if ((version ?? await session.FindLatestDefinitionVersionAsync(definitionId, ct)) is not { } exact)
        {
            return null;
        }

        if (_parsed.TryGetValue((definitionId, exact), out var cached))
        {
            return cached;
        }

        var published = await session.FindDefinitionAsync(definitionId, exact, ct);
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
        var (outcomes, errors) = await AddEachAsync(session, definitions, now, ct);
        if (errors.Count > 0)
        {
            throw new DefinitionValidationException(errors);
        }

        await session.CommitAsync(ct);
        return outcomes;
    }

    /// <summary>
    /// Publishes, in one transaction, each definition the published versions do not refuse; the
    /// refused ones publish nothing and come back as errors (the folder import).
    /// </summary>
    public async Task<(IReadOnlyList<PublishOutcome> Outcomes, IReadOnlyList<DefinitionError> Errors)> PublishEachAsync(
        IWorkflowStore store, IReadOnlyList<WorkflowDefinition> definitions, Instant now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = await store.BeginAsync(ct);
                var published = await AddEachAsync(session, definitions, now, ct);
                await session.CommitAsync(ct);
                return published;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Another node starting at the same moment published the same files first: read again,
                // and find them published (or, with other content under the same version, refused).
            }
        }
    }

    private static async Task<(IReadOnlyList<PublishOutcome> Outcomes, IReadOnlyList<DefinitionError> Errors)> AddEachAsync(
        IWorkflowSession session, IReadOnlyList<WorkflowDefinition> definitions, Instant now, CancellationToken ct)
    {
        var outcomes = new List<PublishOutcome>();
        var errors = new List<DefinitionError>();
        foreach (var definition in definitions)
        {
            var (state, refusals) = await CheckAsync(session, definition, ct);
            errors.AddRange(refusals);
            if (state == PublishedState.New && refusals.Count == 0)
            {
                Add(session, definition, definition.SourceFile, now);
            }

            if (refusals.Count == 0 || state == PublishedState.AlreadyPublished)
            {
                outcomes.Add(new PublishOutcome(definition.Id, definition.Version, Published: state == PublishedState.New));
            }
        }

        return (outcomes, errors);
    }

    /// <summary>Adds the definition as an immutable published version, in the session's transaction; checked before by <see cref="CheckAgainstPublishedAsync"/>.</summary>
    public static void Add(IWorkflowSession session, WorkflowDefinition definition, string source, Instant now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(definition);
        session.Add(new PublishedDefinition
        {
            DefinitionId = definition.Id,
            Version = definition.Version,
            Name = definition.Name,
            Json = definition.Json,
            ContentHash = DefinitionLoader.ContentHash(definition.Json),
            SourceFile = source,
            PublishedAt = now,
        });
    }

    /// <summary>
    /// What publishing <paramref name="definition"/> would meet: nothing (it is new), the same version
    /// already published as it is, or a refusal — a published version never changes, and a new one
    /// must be higher than the latest. The folder import, `busflow validate` and the designer ask this.
    /// </summary>
    public async Task<IReadOnlyList<DefinitionError>> CheckAgainstPublishedAsync(IWorkflowSession session, WorkflowDefinition definition, CancellationToken ct) =>
        (await CheckAsync(session, definition, ct)).Errors;

    private static async Task<(PublishedState State, IReadOnlyList<DefinitionError> Errors)> CheckAsync(IWorkflowSession session, WorkflowDefinition definition, CancellationToken ct)
    {
        var existing = await session.FindDefinitionAsync(definition.Id, definition.Version, ct);
        var latest = existing is null ? await session.FindLatestDefinitionAsync(definition.Id, ct) : null;
        if (latest?.Version == definition.Version)
        {
            // Another node committed this very version between the two reads (read committed): it is published, not new.
            existing = latest;
        }

        if (existing is not null)
        {
            return existing.ContentHash == DefinitionLoader.ContentHash(definition.Json)
                ? (PublishedState.AlreadyPublished, [])
                : (PublishedState.AlreadyPublished, [new DefinitionError(definition.SourceFile, "$.version",
                    Says.That(nameof(DefinitionTexts.PublishedWithOtherContent), definition.Version, definition.Id, definition.Version + 1))]);
        }

        return latest is not null && latest.Version > definition.Version
            ? (PublishedState.New, [new DefinitionError(definition.SourceFile, "$.version",
                Says.That(nameof(DefinitionTexts.VersionNotHigher), definition.Id, latest.Version))])
            : (PublishedState.New, []);
    }

    private enum PublishedState
    {
        New,
        AlreadyPublished,
    }
}
