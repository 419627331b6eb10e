using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Delivery;
using NodaTime;

namespace BusFlow.Notifications.Links;

/// <summary>
/// The link in a mail's footer that lets its recipient report a shortcoming in the collaboration the
/// mail is about: /avvikelse/{secret}, naming the agreement (the token's subject) and the reporter
/// (its recipient). Only its hash is stored; it opens a form and is not used up by a report, so the
/// same link serves every mail of the recipient about the agreement for <see cref="Lifetime"/>.
/// </summary>
public sealed class ShortcomingLinks(LinkIssuer issuer, MailOptions options, IWorkflowStore store, IClock clock)
{
    public const string PathPrefix = "/avvikelse/";
    private const string SubjectPrefix = "agreement:";

    /// <summary>How long a report link opens the form: long, so that an old mail still serves.</summary>
    public static readonly Duration Lifetime = Duration.FromDays(2 * 365);

    /// <summary>
    /// The recipient's report link for the agreement a task's workflow works on (its own input, or
    /// the nearest ancestor's, names it); null when the task belongs to no agreement.
    /// </summary>
    public async Task<string?> ForTaskAsync(HumanTask task, string recipient, IWorkflowSession session, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(session);
        return await AgreementOfAsync(session, task.InstanceId, ct) is { } agreement
            ? await ForAsync(agreement, recipient, session, now, ct)
            : null;
    }

    /// <summary>The recipient's live report link for an agreement, or a new one.</summary>
    public async Task<string> ForAsync(string agreementId, string recipient, IWorkflowSession session, Instant now, CancellationToken ct)
    {
        var link = await issuer.LiveOrNewAsync(session, new LinkRequest(LinkPurpose.ShortcomingReport, recipient, Subject: SubjectPrefix + agreementId, ExpiresAt: now + Lifetime), now, ct);
        return options.LinkBaseUrl.TrimEnd('/') + PathPrefix + link.Secret;
    }

    /// <summary>The agreement and the reporter a presented link names, while it is live; null for a wrong, forged, expired or withdrawn one.</summary>
    public async Task<ShortcomingLink?> OpenAsync(string? secret, CancellationToken ct)
    {
        if (LinkIssuer.LookupHash(LinkPurpose.ShortcomingReport, secret) is not { } hash)
        {
            return null;
        }

        await using var session = await store.BeginAsync(ct);
        var token = await session.Facet<ILinkTokens>().FindByHashAsync(hash, ct);
        return token is { Purpose: LinkPurpose.ShortcomingReport, Subject: { } subject } && subject.StartsWith(SubjectPrefix, StringComparison.Ordinal)
            && token.IsLive(clock.GetCurrentInstant())
            ? new ShortcomingLink(subject[SubjectPrefix.Length..], token.Recipient)
            : null;
    }

    private static async Task<string?> AgreementOfAsync(IWorkflowSession session, Guid instanceId, CancellationToken ct)
    {
        var visited = new HashSet<Guid>();
        Guid? next = instanceId;
        while (next is { } id && visited.Add(id) && await session.FindInstanceAsync(id, ct) is { } instance)
        {
            if (JsonNode.Parse(instance.InputJson) is JsonObject { } input && input["agreement"] is JsonValue named
                && named.TryGetValue<string>(out var agreement) && agreement.Length > 0)
            {
                return agreement;
            }

            next = instance.ParentInstanceId;
        }

        return null;
    }
}

/// <summary>What a live report link names: the agreement and the reporter's address.</summary>
public sealed record ShortcomingLink(string AgreementId, string Reporter);
