using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Host.Tests.Feeds;

/// <summary>Rows for the feed tests, with every required field set.</summary>
internal static class FeedSamples
{
    public static HumanTask Task(string title, LocalDate? due, HumanTaskStatus status = HumanTaskStatus.Open, Guid instanceId = default) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instanceId,
        BookmarkId = Guid.NewGuid(),
        ActivityId = "work",
        Assignee = "maria.holmgren@exempelby.test",
        Title = title,
        Outcomes = ["done"],
        DueDate = due,
        Status = status,
    };
}
