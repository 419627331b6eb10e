using System.Text.Json.Serialization;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>An activity began to wait: the bookmark it waits on and what for.</summary>
public sealed record BookmarkCreatedPayload(Guid BookmarkId, [property: JsonPropertyName("kind")] BookmarkKind BookmarkKind) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.BookmarkCreated;
}
