namespace BusFlow.Storage;

/// <summary>Why the database refuses every write: a reason of the machine, which a page words in the reader's language.</summary>
public enum WriteRefusalKind
{
    DiskFull,
    ReadOnly,
}
