using NodaTime;

namespace BusFlow.Notifications.Links;

/// <summary>
/// The link tokens in the workflow's own transaction (<c>session.Facet&lt;ILinkTokens&gt;()</c>):
/// a link issued with a mail commits with it. Entities returned are tracked.
/// </summary>
public interface ILinkTokens
{
    void Add(LinkToken token);

    Task<LinkToken?> FindByHashAsync(string hash, CancellationToken ct);

    /// <summary>The tokens of these ids that exist.</summary>
    Task<IReadOnlyList<LinkToken>> FindAllAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>The recipient's newest token for a purpose and task or subject that is still live at <paramref name="now"/>.</summary>
    Task<LinkToken?> FindLiveAsync(LinkPurpose purpose, string recipient, Guid? taskId, string? subject, Instant now, CancellationToken ct);

    /// <summary>Every token of a task, newest first.</summary>
    Task<IReadOnlyList<LinkToken>> ListForTaskAsync(Guid taskId, CancellationToken ct);

    /// <summary>The live tokens for a subject (e.g. a board's calendar feed).</summary>
    Task<IReadOnlyList<LinkToken>> ListLiveForSubjectAsync(LinkPurpose purpose, string subject, Instant now, CancellationToken ct);

    /// <summary>
    /// Counts one wrong confirmation code against every unused confirmation code of the recipient
    /// for the task, in one statement that is atomic under concurrent guesses, and withdraws (at
    /// <paramref name="now"/>) those whose count reaches <paramref name="limit"/>. Returns how many
    /// codes were counted against.
    /// </summary>
    Task<int> CountWrongConfirmationAsync(Guid taskId, string recipient, int limit, Instant now, CancellationToken ct);
}
