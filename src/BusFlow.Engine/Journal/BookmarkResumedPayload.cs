using System.Text.Json.Serialization;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>A waiting activity went on: the bookmark that was resumed and what it had waited for.</summary>
public sealed record BookmarkResumedPayload(Guid BookmarkId, [property: JsonPropertyName("kind")] BookmarkKind BookmarkKind) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.BookmarkResumed;
}
