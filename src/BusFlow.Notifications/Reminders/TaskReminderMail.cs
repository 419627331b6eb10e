using System.Text.Json.Nodes;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Time;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Preferences;
using BusFlow.Notifications.Templates;
using Microsoft.Extensions.Logging;

namespace BusFlow.Notifications.Reminders;

/// <summary>
/// Puts a reminder ("task-reminder") or an escalation ("task-escalated") in the outbox, in the
/// transaction that fires it. An early reminder is left to the weekly digest when the person has
/// several open tasks, wants the digest, and the digest goes out before the due date. The mail is
/// held until the reminder window opens on a working day, should the reminder fire late.
/// </summary>
public sealed class TaskReminderMail(
    IEnumerable<IMessageTemplates> templates,
    TaskMailLinks links,
    ShortcomingLinks reportLinks,
    OpenTaskRecipients openTasks,
    DigestSchedule digests,
    IWorkingDayCalendar calendar,
    MailLanguages languages,
    ILogger<TaskReminderMail> logger) : ITaskReminderObserver
{
    public const string ReminderTemplate = "task-reminder";
    public const string EscalationTemplate = "task-escalated";

    public async Task<ReminderHandling> OnReminderDueAsync(TaskReminderNotice notice, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(session);
        var escalation = notice.Kind == ReminderKind.Escalation;
        var template = escalation ? EscalationTemplate : ReminderTemplate;
        var renderer = templates.FirstOrDefault();
        if (renderer is null || !renderer.Names.Contains(template) || !MailAddresses.LooksLikeAddress(notice.Recipient.Address))
        {
            return ReminderHandling.None;
        }

        if (notice.Kind == ReminderKind.BeforeDue && await LeftToDigestAsync(notice, session, ct))
        {
            return ReminderHandling.InDigest;
        }

        var link = escalation
            ? await links.ToInformAsync(notice.Task, notice.Recipient.Address, session, notice.At, ct)
            : await links.ForAsync(notice.Task, notice.Recipient.Address, session, notice.At, ct);
        var model = TaskMailModel.Of(notice.Task, link, notice.Recipient.Name);
        model["report_link"] = await reportLinks.ForTaskAsync(notice.Task, notice.Recipient.Address, session, notice.At, ct);
        model["reminder"] = new JsonObject { ["kind"] = notice.Kind.ToString(), ["number"] = notice.Number };
        if (escalation)
        {
            model["recipient"]!["role"] = notice.Recipient.Role;
            model["assignee"] = new JsonObject { ["email"] = notice.Task.Assignee };
            model["task"]!["created"] = Values.FromInstant(notice.Task.CreatedAt);
        }

        // A template failing at render time must not stop the reminder's bookkeeping: it is journaled as not mailed.
        var sendFrom = ReminderSchedule.NextSendMoment(notice.At, notice.Policy, calendar, digests.Zone);
        var language = await languages.OfAsync(notice.Recipient.Address, session, ct);
        return TaskMailOutbox.TryEnqueue(renderer, template, language, model, notice.Recipient.Address, link, notice.Task, notice.At, session, logger, sendFrom)
            ? ReminderHandling.Mailed
            : ReminderHandling.None;
    }

    private async Task<bool> LeftToDigestAsync(TaskReminderNotice notice, IWorkflowSession session, CancellationToken ct)
    {
        if (notice.Task.DueDate is not { } due || digests.NextAfter(notice.At).InZone(digests.Zone).Date >= due)
        {
            return false;
        }

        if (await session.Facet<IRecipientPreferences>().FindAsync(notice.Recipient.Address, ct) is { WeeklyDigest: false })
        {
            return false;
        }

        var day = notice.At.InZone(digests.Zone).Date;
        return await openTasks.CountForAsync(session, notice.Recipient.Address, day, ct) >= WeeklyDigest.MinimumTasks;
    }
}
