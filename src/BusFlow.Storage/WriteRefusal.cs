namespace BusFlow.Storage;

/// <summary>A database's refusal of every write, by its kind, with the sentence an operator can act on.</summary>
public sealed record WriteRefusal(WriteRefusalKind Kind)
{
    public string Sentence => Kind == WriteRefusalKind.DiskFull ? DatabaseWriteRefusal.DiskFull : DatabaseWriteRefusal.ReadOnly;
}
