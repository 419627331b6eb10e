using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Notifications.Delivery;
using NodaTime;

namespace BusFlow.Notifications.Links;

/// <summary>
/// The link in a mail's footer that lets its recipient report a shortcoming in the collaboration the
/// mail is about: /avvikelse/{secret}, naming the agreement (the token's subject) and the reporter
/// (its recipient). Only its hash is stored; it opens a form and is not used up by a report, so the
/// same link serves every mail of the recipient about the agreement for <see cref="Lifetime"/>.
/// The agreement named is the one in force (<see cref="IAgreementsInForce"/>): a mail of a renewal
/// round, whose workflow works on the successor draft, lets the recipient report on the
/// collaboration as it runs.
/// </summary>
public sealed class ShortcomingLinks(LinkIssuer issuer, MailOptions options, IWorkflowStore store, IClock clock, IAgreementsInForce? agreements = null)
{
    public const string PathPrefix = "/avvikelse/";
    private const string SubjectPrefix = "agreement:";

    /// <summary>How long a report link opens the form: long, so that an old mail still serves.</summary>
    public static readonly Duration Lifetime = Duration.FromDays(2 * 365);

    /// <summary>
    /// The agreement in force for each agreement named, per transaction: a step that mails every member
    /// of a body, or the digest that mails everyone with open tasks, reads it once.
    /// </summary>
    private readonly ConditionalWeakTable<IWorkflowSession, Dictionary<string, ReportedAgreement?>> _inForce = new();

    /// <summary>
    /// The recipient's report link for the agreement a task's workflow works on (its own input, or
    /// the nearest ancestor's, names it); null when the task belongs to no agreement.
    /// </summary>
    public Task<string?> ForTaskAsync(HumanTask task, string recipient, IWorkflowSession session, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        return ForInstanceAsync(task.InstanceId, recipient, session, now, ct);
    }

    /// <summary>The recipient's report link for the agreement a workflow instance works on; null when it works on none.</summary>
    public async Task<string?> ForInstanceAsync(Guid instanceId, string recipient, IWorkflowSession session, Instant now, CancellationToken ct) =>
        await AgreementOfInstanceAsync(instanceId, session, ct) is { } agreement
            ? await ForAsync(agreement.Id, recipient, session, now, ct)
            : null;

    /// <summary>
    /// The recipient's report link for a mail a workflow step writes, about the agreement its workflow
    /// works on; null when it works on none. A live link is reused; a new one's token is written with
    /// the step's other effects, so it commits with the mail, or not at all when the step fails.
    /// </summary>
    public async Task<string?> ForStepAsync(ActivityContext context, string recipient)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await AgreementOfInstanceAsync(context.InstanceId, context.Session, CancellationToken.None) is not { } agreement)
        {
            return null;
        }

        var request = Request(agreement.Id, recipient, context.Now);
        if (await issuer.FindLiveAsync(context.Session, request, context.Now, CancellationToken.None) is { } live)
        {
            return Url(live);
        }

        var issued = issuer.Unsaved(request, context.Now);
        context.Write((session, _) =>
        {
            session.Facet<ILinkTokens>().Add(issued.Token);
            return Task.CompletedTask;
        });
        return Url(issued);
    }

    /// <summary>The recipient's live report link for an agreement, or a new one.</summary>
    public async Task<string> ForAsync(string agreementId, string recipient, IWorkflowSession session, Instant now, CancellationToken ct) =>
        Url(await issuer.LiveOrNewAsync(session, Request(agreementId, recipient, now), now, ct));

    /// <summary>
    /// The agreement in force for the agreement a workflow instance works on (its own input, or the
    /// nearest ancestor's, names it); null when it works on none, or the one named does not exist.
    /// </summary>
    public async Task<ReportedAgreement?> AgreementOfInstanceAsync(Guid instanceId, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await AgreementNamedAsync(session, instanceId, ct) is { } named ? await InForceAsync(named, session, ct) : null;
    }

    /// <summary>
    /// The agreement in force and the reporter a presented link names, while it is live; null for a
    /// wrong, forged, expired or withdrawn one. A link given before its agreement was superseded now
    /// names the successor in force.
    /// </summary>
    public async Task<ShortcomingLink?> OpenAsync(string? secret, CancellationToken ct)
    {
        if (LinkIssuer.LookupHash(LinkPurpose.ShortcomingReport, secret) is not { } hash)
        {
            return null;
        }

        await using var session = await store.BeginAsync(ct);
        var token = await session.Facet<ILinkTokens>().FindByHashAsync(hash, ct);
        if (token is not { Purpose: LinkPurpose.ShortcomingReport, Subject: { } subject } || !subject.StartsWith(SubjectPrefix, StringComparison.Ordinal)
            || !token.IsLive(clock.GetCurrentInstant()))
        {
            return null;
        }

        var named = subject[SubjectPrefix.Length..];
        return new ShortcomingLink((await InForceAsync(named, session, ct))?.Id ?? named, token.Recipient);
    }

    private static LinkRequest Request(string agreementId, string recipient, Instant now) =>
        new(LinkPurpose.ShortcomingReport, recipient, Subject: SubjectPrefix + agreementId, ExpiresAt: now + Lifetime);

    private string Url(IssuedLink link) => options.LinkBaseUrl.TrimEnd('/') + PathPrefix + link.Secret;

    private async Task<ReportedAgreement?> InForceAsync(string agreementId, IWorkflowSession session, CancellationToken ct)
    {
        if (agreements is null)
        {
            return new ReportedAgreement(agreementId, agreementId);
        }

        var known = _inForce.GetOrCreateValue(session);
        if (!known.TryGetValue(agreementId, out var inForce))
        {
            inForce = await agreements.InForceAsync(agreementId, session, ct);
            known[agreementId] = inForce;
        }

        return inForce;
    }

    private static async Task<string?> AgreementNamedAsync(IWorkflowSession session, Guid instanceId, CancellationToken ct)
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
