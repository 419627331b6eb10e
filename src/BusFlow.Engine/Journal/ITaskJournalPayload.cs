namespace BusFlow.Engine.Journal;

/// <summary>A payload about one human task: the entries a task's own history is made of.</summary>
public interface ITaskJournalPayload
{
    /// <summary>The task the entry is about.</summary>
    Guid TaskId { get; }
}
