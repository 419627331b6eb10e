using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;

namespace BusFlow.Notifications.Tests.Outbox;

/// <summary>The seal on its own: what the database would hold of a message, and what opens it.</summary>
public sealed class OutboxSealTests
{
    private static readonly OutboxContent Content = new(
        "Påminnelse: Godkänn budgeten",
        "Öppna uppgiften: https://busflow.exempelby.test/t/Q2hhaXJzTGlua1NlY3JldA och skriv koden K7Q4X-M2P9R.",
        "<a href=\"https://busflow.exempelby.test/t/Q2hhaXJzTGlua1NlY3JldA\">Öppna uppgiften</a>",
        "BEGIN:VCALENDAR\r\nEND:VCALENDAR",
        "https://busflow.exempelby.test/unsubscribe/VW5zdWJzY3JpYmVTZWNyZXQ");

    [Fact]
    public void Sealed_content_shows_none_of_its_words_and_opens_whole_with_the_same_key()
    {
        var key = LinkKey.Generate();
        var id = Guid.CreateVersion7();

        var sealedText = new OutboxSeal(key).Seal(id, Content);

        Assert.StartsWith(OutboxSeal.Prefix, sealedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Q2hhaXJzTGlua1NlY3JldA", sealedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Påminnelse", sealedText, StringComparison.Ordinal);
        Assert.Equal(Content, new OutboxSeal(key).TryOpen(id, sealedText));
    }

    [Fact]
    public void Content_does_not_open_with_another_key_nor_for_another_message()
    {
        var key = LinkKey.Generate();
        var id = Guid.CreateVersion7();
        var sealedText = new OutboxSeal(key).Seal(id, Content);

        Assert.Null(new OutboxSeal(LinkKey.Generate()).TryOpen(id, sealedText));
        Assert.Null(new OutboxSeal(key).TryOpen(Guid.CreateVersion7(), sealedText));
        Assert.Null(new OutboxSeal(key).TryOpen(id, sealedText[..^8] + "AAAAAAA="));
        Assert.Null(new OutboxSeal(key).TryOpen(id, ""));
    }

    [Fact]
    public void The_same_content_sealed_twice_reads_differently()
    {
        var seal = new OutboxSeal(LinkKey.Generate());
        var id = Guid.CreateVersion7();

        Assert.NotEqual(seal.Seal(id, Content), seal.Seal(id, Content));
    }
}
