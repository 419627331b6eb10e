using BusFlow.Host.Feeds;

namespace BusFlow.Host.Tests.Feeds;

public sealed class FeedSubjectTests
{
    [Theory]
    [InlineData("board:sn", FeedSubjectKind.Board, "sn", "board:sn")]
    [InlineData("  Board: kun ", FeedSubjectKind.Board, "kun", "board:kun")]
    [InlineData("person:anna@exempelby.test", FeedSubjectKind.Person, "anna@exempelby.test", "person:anna@exempelby.test")]
    [InlineData("PERSON:Anna.Lindqvist@Exempelby.TEST", FeedSubjectKind.Person, "anna.lindqvist@exempelby.test", "person:anna.lindqvist@exempelby.test")]
    public void A_subject_is_read_into_its_stored_form(string text, FeedSubjectKind kind, string key, string stored)
    {
        var subject = FeedSubject.Parse(text);

        Assert.Equal(new FeedSubject(kind, key), subject);
        Assert.Equal(stored, subject!.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sn")]
    [InlineData("board:")]
    [InlineData("board:s n")]
    [InlineData("board:sn/Secretary")]
    [InlineData("person:")]
    [InlineData("person:anna")]
    [InlineData("person:@exempelby.test")]
    [InlineData("person:anna@")]
    [InlineData("person:anna@b@c")]
    [InlineData("person:anna lindqvist@exempelby.test")]
    [InlineData("task:42")]
    public void Anything_else_is_not_a_subject(string? text) => Assert.Null(FeedSubject.Parse(text));
}
