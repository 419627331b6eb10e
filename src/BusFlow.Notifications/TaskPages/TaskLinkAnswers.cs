using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Templates;
using NodaTime;

namespace BusFlow.Notifications.TaskPages;

/// <summary>
/// Answers tasks by their mailed links and codes. Opening a link changes nothing. An answer is
/// recorded in one transaction with the link's use (instant, IP, user agent) and the workflow's
/// next step, and only while the link is the reader's, live and unused and the task open; a second
/// answer, or one after someone else's, changes nothing. A task with legal weight is answered only
/// after a one-time code, sent by a second mail, is typed back.
/// </summary>
public sealed class TaskLinkAnswers(
    IWorkflowStore store,
    WorkflowRuntime runtime,
    DefinitionCatalog catalog,
    LinkIssuer issuer,
    ShortcomingLinks reportLinks,
    IRoleDirectory roles,
    IEnumerable<IMessageTemplates> templates,
    IDeliveryTrigger delivery,
    EngineOptions engine,
    IClock clock,
    DocumentRules documents)
{
    public const string ConfirmationTemplate = "confirmation-code";
    public static readonly Duration ConfirmationCodeLifetime = Duration.FromMinutes(15);

    /// <summary>Wrong confirmation codes, typed by any path, before the reader's pending codes for a task are burnt (a new one must be asked for).</summary>
    public const int MaxWrongConfirmationCodes = 5;

    /// <summary>The longest comment a link takes: room for a reasoned answer, not for a document.</summary>
    public const int MaxCommentLength = 4000;

    /// <summary>The longest fact a link takes (a date, a paragraph, a short text).</summary>
    public const int MaxFieldLength = 500;

    /// <summary>How a problem says that a comment or fact is longer than its limit: "at most {n} characters".</summary>
    private const string TooLongPrefix = "at most ";

    /// <summary>What a link or code opens; reads only.</summary>
    public async Task<TaskLinkView> OpenAsync(LinkPurpose purpose, string? secret, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await ViewAsync(session, purpose, secret, ct);
    }

    /// <summary>
    /// A document the link's task shows, with its content: only while the link is live for its reader
    /// (open, answered or told of), and only one of the task's case and kinds. Null otherwise; reads only.
    /// </summary>
    public async Task<StoredDocument?> DocumentAsync(LinkPurpose purpose, string? secret, Guid documentId, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var view = await ViewAsync(session, purpose, secret, ct);
        if (view.State is not (TaskLinkState.Open or TaskLinkState.Answered or TaskLinkState.Informed) || view.Documents.All(d => d.Id != documentId))
        {
            return null;
        }

        return await session.Facet<IDocuments>().FindAsync(documentId, ct) is { } document && view.Spec.Documents!.Holds(document) ? document : null;
    }

    /// <summary>Records an answer given by a link (or code); for a task with legal weight, mails a confirmation code instead.</summary>
    public async Task<AnswerResult> AnswerAsync(LinkPurpose purpose, string? secret, AnswerForm form, LinkUse use, CancellationToken ct)
    {
        var (view, answer, refusal) = await OpenForAnswerAsync(purpose, secret, form, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        return view.Spec.NeedsConfirmationCode
            ? await SendConfirmationCodeAsync(view, answer, ct)
            : await RecordAsync(purpose, secret, view, answer, use, ProofOf(purpose), codeHash: null, ct);
    }

    /// <summary>Records an answer of a task with legal weight, confirmed with the code mailed to the reader.</summary>
    public async Task<AnswerResult> ConfirmAsync(LinkPurpose purpose, string? secret, string? code, AnswerForm form, LinkUse use, CancellationToken ct)
    {
        var (view, answer, refusal) = await OpenForAnswerAsync(purpose, secret, form, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var codeHash = LinkIssuer.LookupHash(LinkPurpose.ConfirmationCode, code);
        await using (var session = await store.BeginAsync(ct))
        {
            var token = codeHash is null ? null : await session.Facet<ILinkTokens>().FindByHashAsync(codeHash, ct);
            if (token is null || !IsConfirmationFor(token, view))
            {
                await CountWrongCodeAsync(session, view, ct);
                return AnswerResult.Of(AnswerResultKind.WrongCode, view);
            }
        }

        return await RecordAsync(purpose, secret, view, answer, use, ProofOf(purpose) + "+confirmationCode", codeHash, ct);
    }

    /// <summary>
    /// Counts a wrong code against the reader's pending codes for the task, whichever page (link or
    /// code) it was typed on; at the limit they are burnt, so guessing gains nothing and the reader
    /// asks for a new code.
    /// </summary>
    private async Task CountWrongCodeAsync(IWorkflowSession session, TaskLinkView view, CancellationToken ct)
    {
        await session.Facet<ILinkTokens>().CountWrongConfirmationAsync(
            view.Task!.Id, view.Token!.Recipient, MaxWrongConfirmationCodes, clock.GetCurrentInstant(), ct);
        await session.CommitAsync(ct);
    }

    /// <summary>
    /// The link's view, the answer with only the facts the task asks for, and why it cannot be taken
    /// (not open, or lacking something, or too long); null when it can.
    /// </summary>
    private async Task<(TaskLinkView View, AnswerForm Form, AnswerResult? Refusal)> OpenForAnswerAsync(LinkPurpose purpose, string? secret, AnswerForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var view = await OpenAsync(purpose, secret, ct);
        if (view.State != TaskLinkState.Open)
        {
            return (view, form, AnswerResult.Of(AnswerResultKind.NotOpen, view));
        }

        var files = documents.Check(view.Spec, form.Files);
        var problems = Check(view, form, files);
        return (view, Declared(view, form), problems.Count > 0 ? new AnswerResult(AnswerResultKind.Invalid, view, problems) : null);
    }

    private async Task<TaskLinkView> ViewAsync(IWorkflowSession session, LinkPurpose purpose, string? secret, CancellationToken ct)
    {
        if (purpose is not (LinkPurpose.TaskAnswer or LinkPurpose.TaskCode) || LinkIssuer.LookupHash(purpose, secret) is not { } hash)
        {
            return TaskLinkView.Unknown;
        }

        var token = await session.Facet<ILinkTokens>().FindByHashAsync(hash, ct);
        if (token is not { TaskId: { } taskId } || token.Purpose != purpose || await session.FindTaskAsync(taskId, ct) is not { } task)
        {
            return TaskLinkView.Unknown;
        }

        var now = clock.GetCurrentInstant();
        var holder = task.Role is { } role ? await roles.FindHolderAsync(role, now.InZone(engine.TimeZone).Date, session, ct) : null;
        var reader = holder is not null && SameAddress(holder.Address, token.Recipient) ? holder : new ReminderRecipient(token.Recipient, null, null);
        var forReader = holder is not null ? SameAddress(holder.Address, token.Recipient) : SameAddress(task.Assignee, token.Recipient);
        var state = task.Status switch
        {
            HumanTaskStatus.Completed => TaskLinkState.Answered,
            HumanTaskStatus.Cancelled => TaskLinkState.Withdrawn,
            _ when token.RevokedAt is not null => TaskLinkState.Withdrawn,
            _ when token.ExpiresAt is { } expires && expires <= now => TaskLinkState.Expired,
            _ when token.Subject == TaskMailLinks.InformedSubject => TaskLinkState.Informed,
            _ when token.ConsumedAt is not null => TaskLinkState.Answered,
            _ when !forReader => TaskLinkState.Withdrawn,
            _ => TaskLinkState.Open,
        };
        var instance = await session.FindInstanceAsync(task.InstanceId, ct);
        var definition = instance is null ? null : await catalog.GetAsync(session, instance.DefinitionId, instance.DefinitionVersion, ct);
        var spec = TaskAnswerSpec.Parse(task.AnswerSpecJson);
        var shown = spec.Documents is { } shelf ? await session.Facet<IDocuments>().ListAsync(shelf.CaseKey, shelf.Kinds, ct) : [];
        return new TaskLinkView(state, token, task, reader, spec) { AskedBy = definition?.Name, Documents = shown };
    }

    private List<AnswerProblem> Check(TaskLinkView view, AnswerForm form, CheckedFiles files)
    {
        var problems = new List<AnswerProblem>();
        if (!view.Task!.Outcomes.Contains(form.Outcome, StringComparer.Ordinal))
        {
            problems.Add(new AnswerProblem("outcome", $"'{form.Outcome}' is not an answer this task takes"));
            return problems;
        }

        if (form.Comment is { Length: > MaxCommentLength })
        {
            problems.Add(new AnswerProblem("comment", $"{TooLongPrefix}{MaxCommentLength} characters") { Kind = AnswerProblemKind.TooLong });
        }

        foreach (var (name, value) in form.Data ?? [])
        {
            if (value?.ToString() is { Length: > MaxFieldLength })
            {
                problems.Add(new AnswerProblem($"data.{name}", $"{TooLongPrefix}{MaxFieldLength} characters") { Kind = AnswerProblemKind.TooLong });
            }
        }

        problems.AddRange(files.Problems);
        var facts = view.Spec.WithUploads(form.Data, files.Uploads);
        problems.AddRange(view.Spec.Check(form.Outcome, form.Comment, facts, AnswerCircumstances.Of(view.Task, clock.GetCurrentInstant(), engine.TimeZone))
            .Where(p => !files.Problems.Any(f => f.Field == p.Field)));
        return problems;
    }

    /// <summary>The answer with only the facts the task asks for: anything else a form carries is not kept.</summary>
    private static AnswerForm Declared(TaskLinkView view, AnswerForm form)
    {
        if (form.Data is null)
        {
            return form;
        }

        var declared = new JsonObject();
        foreach (var field in view.Spec.Fields)
        {
            if (form.Data[field.Name] is { } value)
            {
                declared[field.Name] = value.DeepClone();
            }
        }

        return form with { Data = declared.Count > 0 ? declared : null };
    }

    private async Task<AnswerResult> SendConfirmationCodeAsync(TaskLinkView view, AnswerForm form, CancellationToken ct)
    {
        var renderer = templates.FirstOrDefault(t => t.Names.Contains(ConfirmationTemplate))
            ?? throw new InvalidOperationException($"The '{ConfirmationTemplate}' template is missing; a task with legal weight cannot be confirmed.");
        var now = clock.GetCurrentInstant();
        var expires = now + ConfirmationCodeLifetime;
        await using (var session = await store.BeginAsync(ct))
        {
            var code = issuer.New(session.Facet<ILinkTokens>(), new LinkRequest(LinkPurpose.ConfirmationCode, view.Token!.Recipient, view.Task!.Id, ExpiresAt: expires), now);
            var model = new JsonObject
            {
                ["recipient"] = new JsonObject { ["name"] = view.Reader?.Name },
                ["task"] = new JsonObject { ["title"] = view.Task.Title },
                ["outcome_label"] = OutcomeLabels.Of(form.Outcome, "sv-SE"),
                ["code"] = code.Secret,
                ["expires"] = Values.FromInstant(expires),
                ["report_link"] = await reportLinks.ForTaskAsync(view.Task, view.Token.Recipient, session, now, ct),
            };
            var rendered = renderer.Render(ConfirmationTemplate, "sv-SE", model);
            var message = new EmailMessage(view.Token.Recipient, rendered.Subject, rendered.TextBody, rendered.HtmlBody, rendered.Language, EmailKind.Required)
            {
                LinkTokenIds = [code.Token.Id],
            };
            session.Facet<IOutbox>().Enqueue(OutboxMessage.Create(message, now, view.Task.InstanceId, view.Task.ActivityId));
            await session.CommitAsync(ct);
        }

        delivery.DeliverSoon();
        return AnswerResult.Of(AnswerResultKind.CodeSent, view);
    }

    private async Task<AnswerResult> RecordAsync(
        LinkPurpose purpose, string? secret, TaskLinkView view, AnswerForm form, LinkUse use, string proof, string? codeHash, CancellationToken ct)
    {
        var token = view.Token!;
        var now = clock.GetCurrentInstant();
        var evidence = new JsonObject
        {
            ["method"] = proof,
            ["tokenId"] = token.Id.ToString(),
            ["recipient"] = token.Recipient,
            ["at"] = Values.FromInstant(now),
            ["ip"] = use.Ip,
            ["userAgent"] = use.UserAgent,
        };
        var answer = new TaskAnswer(form.Outcome, form.Comment?.Trim() is { Length: > 0 } comment ? comment : null, token.Recipient, form.Data)
        {
            Documents = documents.Check(view.Spec, form.Files).Uploads,
            Proof = proof,
            Evidence = evidence,
            WithinTransaction = (session, _, c) => ConsumeAsync(session, token.Hash, codeHash, view, use, c),
        };

        TaskCompletion completion;
        try
        {
            completion = await runtime.CompleteTaskAsync(token.TaskId!.Value, answer, ct);
        }
        catch (LinkUsedMeanwhileException)
        {
            return AnswerResult.Of(AnswerResultKind.NotOpen, await OpenAsync(purpose, secret, ct));
        }

        return completion.Status switch
        {
            TaskCompletionStatus.Completed => AnswerResult.Of(AnswerResultKind.Recorded, Closed(view, completion.Task!)),
            TaskCompletionStatus.InvalidAnswer or TaskCompletionStatus.InvalidOutcome => new AnswerResult(AnswerResultKind.Invalid, view, completion.Problems),
            TaskCompletionStatus.InstanceNotWaiting => AnswerResult.Of(AnswerResultKind.WorkflowStopped, view),
            TaskCompletionStatus.AlreadyClosed => AnswerResult.Of(AnswerResultKind.NotOpen, Closed(view, completion.Task!)),
            _ => AnswerResult.Of(AnswerResultKind.NotOpen, await OpenAsync(purpose, secret, ct)),
        };
    }

    /// <summary>The view once the task is closed, from the task as the answer's transaction left it.</summary>
    private static TaskLinkView Closed(TaskLinkView view, HumanTask task) =>
        view with { Task = task, State = task.Status == HumanTaskStatus.Completed ? TaskLinkState.Answered : TaskLinkState.Withdrawn };

    /// <summary>In the answer's transaction: the link (and code) are used now, or the answer is not recorded.</summary>
    private async Task ConsumeAsync(IWorkflowSession session, string linkHash, string? codeHash, TaskLinkView view, LinkUse use, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var tokens = session.Facet<ILinkTokens>();
        var link = await tokens.FindByHashAsync(linkHash, ct);
        if (link is null || !link.IsLive(now))
        {
            throw new LinkUsedMeanwhileException();
        }

        MarkUsed(link, now, use);
        if (codeHash is not null)
        {
            var code = await tokens.FindByHashAsync(codeHash, ct);
            if (code is null || !IsConfirmationFor(code, view))
            {
                throw new LinkUsedMeanwhileException();
            }

            MarkUsed(code, now, use);
        }
    }

    private bool IsConfirmationFor(LinkToken code, TaskLinkView view) =>
        code.Purpose == LinkPurpose.ConfirmationCode && code.TaskId == view.Task!.Id
        && SameAddress(code.Recipient, view.Token!.Recipient) && code.IsLive(clock.GetCurrentInstant());

    private static void MarkUsed(LinkToken token, Instant now, LinkUse use)
    {
        token.ConsumedAt = now;
        token.ConsumedFromIp = Truncate(use.Ip, 64);
        token.ConsumedUserAgent = Truncate(use.UserAgent, 512);
        token.Version++;
    }

    private static string ProofOf(LinkPurpose purpose) => purpose == LinkPurpose.TaskCode ? "code" : "link";

    private static bool SameAddress(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    /// <summary>The link or code was used (or withdrawn) by another request between reading and answering.</summary>
    private sealed class LinkUsedMeanwhileException : Exception;
}
