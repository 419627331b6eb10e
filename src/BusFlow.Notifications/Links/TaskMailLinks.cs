using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Notifications.Delivery;
using NodaTime;

namespace BusFlow.Notifications.Links;

/// <summary>
/// The link and the code a task mail carries for its recipient: /t/{secret}, and a short code to
/// type on /t/kod when a mail scanner has used the link up. Both are the recipient's own, bound to
/// the task, valid until the due date's end plus a grace period, and re-used by every later mail
/// (a reminder carries the link the first mail carried).
/// </summary>
public sealed class TaskMailLinks(LinkIssuer issuer, MailOptions options, EngineOptions engine)
{
    public const string CodePath = "/t/kod";

    /// <summary>How long a task without a due date keeps its link.</summary>
    public static readonly Duration UndatedLifetime = Duration.FromDays(365);

    /// <summary>The token subject of a link that shows a task to someone told about it (an escalation), who cannot answer it.</summary>
    public const string InformedSubject = "informed";

    /// <summary>
    /// The first link and code of a task just created: nothing can be live for it yet, so none is
    /// looked for (this is on the path of every workflow step that creates a task).
    /// </summary>
    public TaskLink ForNewTask(HumanTask task, IWorkflowSession session, Instant now)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(session);
        var tokens = session.Facet<ILinkTokens>();
        var expires = ExpiryOf(task);
        var link = issuer.New(tokens, new LinkRequest(LinkPurpose.TaskAnswer, task.Assignee, task.Id, ExpiresAt: expires), now);
        var code = issuer.New(tokens, new LinkRequest(LinkPurpose.TaskCode, task.Assignee, task.Id, ExpiresAt: expires), now);
        return new TaskLink($"{BaseUrl}/t/{link.Secret}", code.Secret, CodePageUrl, [link.Token.Id, code.Token.Id]);
    }

    public async Task<TaskLink> ForAsync(HumanTask task, string recipient, IWorkflowSession session, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        var expires = ExpiryOf(task);
        var link = await issuer.LiveOrNewAsync(session, new LinkRequest(LinkPurpose.TaskAnswer, recipient, task.Id, ExpiresAt: expires), now, ct);
        var code = await issuer.LiveOrNewAsync(session, new LinkRequest(LinkPurpose.TaskCode, recipient, task.Id, ExpiresAt: expires), now, ct);
        return new TaskLink($"{BaseUrl}/t/{link.Secret}", code.Secret, CodePageUrl, [link.Token.Id, code.Token.Id]);
    }

    /// <summary>A link that shows the task to someone told about it (the vice chair, when the chair has not answered); it answers nothing.</summary>
    public async Task<TaskLink> ToInformAsync(HumanTask task, string recipient, IWorkflowSession session, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        var link = await issuer.LiveOrNewAsync(session, new LinkRequest(LinkPurpose.TaskAnswer, recipient, task.Id, InformedSubject, ExpiryOf(task)), now, ct);
        return new TaskLink($"{BaseUrl}/t/{link.Secret}", null, null, [link.Token.Id]);
    }

    /// <summary>Where people type a code: the page the task mails name.</summary>
    public string CodePageUrl => BaseUrl + CodePath;

    /// <summary>The end of the due date in the installation's zone plus the grace period; a year after creation without a due date.</summary>
    public Instant ExpiryOf(HumanTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.DueDate is { } due
            ? due.PlusDays(options.TaskLinkGraceDays + 1).AtStartOfDayInZone(engine.TimeZone).ToInstant()
            : task.CreatedAt + UndatedLifetime;
    }

    private string BaseUrl => options.LinkBaseUrl.TrimEnd('/');
}

/// <summary>
/// A task's link for one recipient, and the code to type (on <paramref name="CodePage"/>) when a
/// scanner burnt the link; <paramref name="TokenIds"/> are their tokens, for the mail that carries them.
/// </summary>
public sealed record TaskLink(string Url, string? Code, string? CodePage, IReadOnlyList<Guid> TokenIds);
