using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Delivery;
using NodaTime;

namespace BusFlow.Notifications.Links;

/// <summary>Where a task mail sends its reader: the link (and code) of the task for that recipient.</summary>
public sealed class TaskMailLinks(MailOptions options)
{
    /// <summary>The link of a task for a recipient, as the task mails carry it.</summary>
    public Task<TaskLink> ForAsync(HumanTask task, string recipient, IWorkflowSession session, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Task.FromResult(new TaskLink($"{options.LinkBaseUrl.TrimEnd('/')}/api/tasks/{task.Id}", null));
    }
}

/// <summary>A task's link for one recipient, and the code to type when a scanner burnt the link.</summary>
public sealed record TaskLink(string Url, string? Code);
