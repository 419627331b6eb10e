using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>
/// A document a step sent: to whom, its file name, type, size and SHA-256, and the message that carried
/// it (an outbox id), so that the record shows which version of a paper went where.
/// </summary>
public sealed record DocumentSentPayload(string To, string FileName, string ContentType, long Length, string Sha256, string? MessageId) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.DocumentSent;
}
