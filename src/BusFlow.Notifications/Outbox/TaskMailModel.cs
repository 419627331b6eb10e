using System.Text.Json.Nodes;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;

namespace BusFlow.Notifications.Outbox;

/// <summary>The model every task mail shares: the task, where to answer it, and whom it greets.</summary>
public static class TaskMailModel
{
    public static JsonObject Of(HumanTask task, TaskLink link, string? recipientName)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(link);
        var data = task.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
        return new JsonObject
        {
            ["task"] = new JsonObject
            {
                ["title"] = task.Title,
                ["description"] = task.Description,
                ["due"] = task.DueDate is { } due ? Values.FromDate(due) : null,
                ["dueMovedFrom"] = data?["dueMovedFrom"]?.DeepClone(),
            },
            ["recipient"] = new JsonObject { ["name"] = recipientName },
            ["link"] = link.Url,
            ["code"] = link.Code,
            ["code_page"] = link.CodePage,
        };
    }
}

/// <summary>Which assignees get mail: those that are e-mail addresses.</summary>
public static class MailAddresses
{
    public static bool LooksLikeAddress(string? value) =>
        value is not null && value.Contains('@', StringComparison.Ordinal) && MimeKit.MailboxAddress.TryParse(value, out _);
}
