using BusFlow.Engine.Activities;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Notifications.Activities;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Preferences;
using BusFlow.Notifications.Reminders;
using BusFlow.Notifications.TaskPages;
using BusFlow.Notifications.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BusFlow.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// The SendEmail and MeetingInvitation activities and the delivery of the outbox (<see cref="OutboxDelivery"/>,
    /// <see cref="MimeMessageBuilder"/>; a server adds <see cref="ImmediateDelivery"/> and a job that runs it on a schedule). Calling it again only
    /// replaces the mail options, so a host may give its own before or after the commands' composition.
    /// The templates (<see cref="IMessageTemplates"/>) are used when registered; delivery needs the
    /// workflow store (the outbox is a facet of its sessions) and an IClock.
    /// </summary>
    public static IServiceCollection AddBusFlowNotifications(this IServiceCollection services, MailOptions? mail = null)
    {
        if (mail is not null)
        {
            mail.Validate();
            services.Replace(ServiceDescriptor.Singleton(mail));
        }
        else
        {
            services.TryAddSingleton(new MailOptions());
        }

        if (services.Any(d => d.ServiceType == typeof(OutboxDelivery)))
        {
            return services;
        }

        services.TryAddSingleton<MailLanguages>();
        services.AddSingleton<ActivityType>(sp => new SendEmailActivity(
            sp.GetService<IMessageTemplates>(), sp.GetRequiredService<MailOptions>(), sp.GetRequiredService<MailLanguages>(),
            new Lazy<ShortcomingLinks?>(() => sp.GetService<LinkKey>() is null ? null : sp.GetRequiredService<ShortcomingLinks>())));
        services.AddSingleton<ActivityType, MeetingInvitationActivity>();
        services.AddSingleton<ITaskObserver, TaskAssignedMail>();
        services.AddSingleton<ITaskReminderObserver, TaskReminderMail>();
        services.AddSingleton<ITaskChangeObserver, TaskChangeMail>();
        services.TryAddSingleton<TaskMailLinks>();
        services.TryAddSingleton<ShortcomingLinks>();
        services.TryAddSingleton<OpenTaskRecipients>();
        services.TryAddSingleton(sp => new DigestSchedule(
            sp.GetRequiredService<IWorkingDayCalendar>(), sp.GetRequiredService<EngineOptions>().TimeZone, DigestSchedule.DefaultSendAt));
        services.TryAddSingleton<WeeklyDigest>();
        services.TryAddSingleton<Unsubscriber>();
        services.TryAddSingleton<IDeliveryTrigger, NoDeliveryTrigger>();
        services.TryAddSingleton<TaskLinkAnswers>();
        // LinkIssuer needs the host's LinkKey: a server keeps it (configuration or key file), a simulation makes one.
        services.TryAddSingleton<LinkIssuer>();
        // The outbox's seal (for the store) is derived from the same LinkKey.
        services.TryAddSingleton<OutboxSeal>();
        services.TryAddSingleton<MimeMessageBuilder>();
        services.TryAddSingleton<OutboxDelivery>();
        services.TryAddSingleton<NodeDelivery>();
        return services;
    }

    /// <summary>
    /// A server's delivery on this node right after mail commits (<see cref="MailOptions.DeliverAfterCommit"/>)
    /// and when code asks for it (a confirmation code), through <see cref="DeliverySignal"/> and the
    /// <see cref="ImmediateDelivery"/> hosted service. Without it, mail waits for the scheduled delivery.
    /// </summary>
    public static IServiceCollection AddBusFlowImmediateDelivery(this IServiceCollection services, MailOptions mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        services.TryAddSingleton<DeliverySignal>();
        services.Replace(ServiceDescriptor.Singleton<IDeliveryTrigger>(sp => sp.GetRequiredService<DeliverySignal>()));
        if (mail.DeliverAfterCommit)
        {
            services.TryAddSingleton<IOutboxCommitListener>(sp => sp.GetRequiredService<DeliverySignal>());
        }

        services.AddHostedService<ImmediateDelivery>();
        return services;
    }
}
