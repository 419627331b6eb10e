using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Notifications.Links;

/// <summary>A link as handed out: the token row and its secret (for a URL) or code (to type).</summary>
public sealed record IssuedLink(LinkToken Token, string Secret);

/// <summary>
/// Issues links and codes in a workflow transaction, re-using the recipient's live one for the
/// same purpose and task or subject, so a reminder carries the link the first mail carried.
/// </summary>
public sealed class LinkIssuer(LinkKey key)
{
    public LinkKey Key => key;

    public async Task<IssuedLink> LiveOrNewAsync(IWorkflowSession session, LinkRequest request, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        return await FindLiveAsync(session, request, now, ct) ?? New(session.Facet<ILinkTokens>(), request, now);
    }

    /// <summary>The recipient's newest live link for the same purpose and task or subject; null when there is none.</summary>
    public async Task<IssuedLink?> FindLiveAsync(IWorkflowSession session, LinkRequest request, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var recipient = request.Recipient.Trim().ToLowerInvariant();
        return await session.Facet<ILinkTokens>().FindLiveAsync(request.Purpose, recipient, request.TaskId, request.Subject, now, ct) is { } live
            ? new IssuedLink(live, SecretOf(live))
            : null;
    }

    /// <summary>A new token, whatever live ones exist (e.g. a second confirmation code, a rotated feed).</summary>
    public IssuedLink New(ILinkTokens tokens, LinkRequest request, Instant now)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var issued = Unsaved(request, now);
        tokens.Add(issued.Token);
        return issued;
    }

    /// <summary>
    /// A new token that is not yet added to any transaction: for a workflow step, which writes its
    /// records as effects after it returns (<c>ActivityContext.Write</c>), so that the token commits
    /// with the mail that carries it, or not at all.
    /// </summary>
    public IssuedLink Unsaved(LinkRequest request, Instant now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Guid.CreateVersion7();
        var token = new LinkToken
        {
            Id = id,
            Purpose = request.Purpose,
            Recipient = request.Recipient.Trim().ToLowerInvariant(),
            TaskId = request.TaskId,
            Subject = request.Subject,
            CreatedAt = now,
            ExpiresAt = request.ExpiresAt,
            Hash = string.Empty,
        };
        var secret = SecretOf(token);
        token.Hash = LinkKey.Hash(secret);
        return new IssuedLink(token, secret);
    }

    /// <summary>The secret of a token: a code for the purposes typed by hand, a link secret otherwise.</summary>
    public string SecretOf(LinkToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return IsCode(token.Purpose) ? key.Code(token.Id) : key.LinkSecret(token.Id);
    }

    /// <summary>The stored hash to look a presented secret up by; null when it cannot be one.</summary>
    public static string? LookupHash(LinkPurpose purpose, string? presented)
    {
        if (IsCode(purpose))
        {
            return LinkKey.NormalizeCode(presented) is { } code ? LinkKey.Hash(code) : null;
        }

        return presented is { Length: > 0 and <= 64 } ? LinkKey.Hash(presented) : null;
    }

    private static bool IsCode(LinkPurpose purpose) => purpose is LinkPurpose.TaskCode or LinkPurpose.ConfirmationCode;
}

public sealed record LinkRequest(LinkPurpose Purpose, string Recipient, Guid? TaskId = null, string? Subject = null, Instant? ExpiresAt = null);
