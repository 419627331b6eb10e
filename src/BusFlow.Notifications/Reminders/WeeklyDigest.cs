using System.Text.Json.Nodes;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Preferences;
using BusFlow.Notifications.Templates;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BusFlow.Notifications.Reminders;

/// <summary>
/// The weekly "waiting for you" digest: once a week, to each person with several open tasks who
/// has not turned it off, one optional mail listing them with a one-click unsubscribe link. Each
/// person's digest of a week has a once-only key in the outbox, so running it twice, or on two
/// nodes at once, sends it once. It carries the recipient's link to report a shortcoming for each
/// agreement its tasks belong to: <c>report_link</c> when they all belong to one, and
/// <c>report_links</c> (each agreement's title and link) for all of them.
/// </summary>
public sealed class WeeklyDigest(
    IWorkflowStore store,
    IEnumerable<IMessageTemplates> templates,
    OpenTaskRecipients openTasks,
    DigestSchedule schedule,
    TaskMailLinks taskLinks,
    ShortcomingLinks reportLinks,
    LinkIssuer links,
    MailOptions options,
    MailLanguages languages,
    IClock clock,
    ILogger<WeeklyDigest> logger)
{
    public const string Template = "weekly-digest";

    /// <summary>A digest is sent only to a person with at least this many open tasks; one task has its own reminders.</summary>
    public const int MinimumTasks = 2;

    /// <summary>The digests of this week, when its digest moment has come; returns how many were put in the outbox.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct) => (await SendDueDigestsAsync(ct)).Count;

    /// <summary>The digests of this week, when its digest moment has come: to whom each went and with how many open tasks.</summary>
    public async Task<IReadOnlyList<SentDigest>> SendDueDigestsAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var renderer = templates.FirstOrDefault();
        if (now < schedule.MomentOfWeek(now) || renderer is null || !renderer.Names.Contains(Template))
        {
            return [];
        }

        var week = schedule.WeekOf(now);
        var today = now.InZone(schedule.Zone).Date;
        IReadOnlyDictionary<string, List<HumanTask>> byRecipient;
        await using (var listing = await store.BeginAsync(ct))
        {
            byRecipient = await openTasks.ByRecipientAsync(listing, today, ct);
        }

        var sent = new List<SentDigest>();
        foreach (var (address, tasks) in byRecipient)
        {
            if (tasks.Count >= MinimumTasks && MailAddresses.LooksLikeAddress(address)
                && await SendAsync(renderer, address, tasks, week, today, now, ct) is { } digest)
            {
                sent.Add(digest);
            }
        }

        return sent;
    }

    /// <summary>
    /// One person's digest in a transaction of its own, so that each costs the same however many are sent
    /// (in one transaction, every save looked over all the links and mails made before it). Another node
    /// making the same digest at the same moment loses on the once-only key and sends none.
    /// </summary>
    private async Task<SentDigest?> SendAsync(
        IMessageTemplates renderer, string address, List<HumanTask> tasks, string week, LocalDate today, Instant now, CancellationToken ct)
    {
        var key = $"digest:{address.ToLowerInvariant()}:{week}";
        await using var session = await store.BeginAsync(ct);
        var outbox = session.Facet<IOutbox>();
        if (await session.Facet<IRecipientPreferences>().FindAsync(address, ct) is { WeeklyDigest: false }
            || await outbox.ContainsKeyAsync(key, ct))
        {
            return null;
        }

        var (model, tokenIds) = await ModelAsync(session, address, tasks, today, now, ct);
        OutboxMessage message;
        try
        {
            var rendered = renderer.Render(Template, await languages.OfAsync(address, session, ct), model);
            message = OutboxMessage.Create(
                new EmailMessage(address, rendered.Subject, rendered.TextBody, rendered.HtmlBody, rendered.Language, EmailKind.Optional)
                {
                    UnsubscribeUrl = model["unsubscribe_link"]!.GetValue<string>(),
                    LinkTokenIds = tokenIds,
                },
                now);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "The weekly digest of {Week} to {Recipient} could not be rendered.", week, address);
            return null;
        }

        message.DedupeKey = key;
        outbox.Enqueue(message);
        try
        {
            await session.CommitAsync(ct);
        }
        catch (ConcurrencyConflictException conflict)
        {
            // Most likely the once-only key; whatever it was, the next hourly run makes the digest if it is still unmade.
            logger.LogInformation(conflict, "The weekly digest of {Week} to {Recipient} was not made: another transaction came first.", week, address);
            return null;
        }

        return new SentDigest(address, tasks.Count, week, message.Id);
    }

    /// <summary>The digest's model, and the tokens of the task links it lists.</summary>
    private async Task<(JsonObject Model, List<Guid> TokenIds)> ModelAsync(
        IWorkflowSession session, string address, List<HumanTask> tasks, LocalDate today, Instant now, CancellationToken ct)
    {
        var list = new JsonArray();
        var tokenIds = new List<Guid>();
        var agreements = new List<ReportedAgreement>();
        foreach (var task in tasks.OrderBy(t => t.DueDate ?? LocalDate.MaxIsoValue).ThenBy(t => t.CreatedAt))
        {
            if (await reportLinks.AgreementOfInstanceAsync(task.InstanceId, session, ct) is { } agreement && !agreements.Contains(agreement))
            {
                agreements.Add(agreement);
            }

            var link = await taskLinks.ForAsync(task, address, session, now, ct);
            tokenIds.AddRange(link.TokenIds);
            list.Add(new JsonObject
            {
                ["title"] = task.Title,
                ["due"] = task.DueDate is { } due ? Values.FromDate(due) : null,
                ["overdue"] = task.DueDate < today,
                ["link"] = link.Url,
            });
        }

        var reports = new JsonArray();
        foreach (var agreement in agreements)
        {
            reports.Add(new JsonObject { ["title"] = agreement.Title, ["link"] = await reportLinks.ForAsync(agreement.Id, address, session, now, ct) });
        }

        var unsubscribe = await links.LiveOrNewAsync(session, new LinkRequest(LinkPurpose.Unsubscribe, address), now, ct);
        var model = new JsonObject
        {
            ["recipient"] = new JsonObject { ["name"] = null },
            ["tasks"] = list,
            ["link"] = options.LinkBaseUrl.TrimEnd('/') + "/",
            ["unsubscribe_link"] = $"{options.LinkBaseUrl.TrimEnd('/')}/unsubscribe/{unsubscribe.Secret}",
            ["report_link"] = reports.Count == 1 ? reports[0]!["link"]!.DeepClone() : null,
            ["report_links"] = reports,
        };
        return (model, tokenIds);
    }
}
