namespace BusFlow.Host.Feeds;

/// <summary>Whose calendar a feed shows.</summary>
public enum FeedSubjectKind
{
    /// <summary>A board: its meetings and the deadlines of tasks for its roles.</summary>
    Board,

    /// <summary>A person: the meetings of the boards they sit on and the deadlines of their tasks.</summary>
    Person,
}

/// <summary>
/// The subject of a calendar feed as it is written in requests and stored with the feed's link:
/// "board:sn" or "person:anna@exempelby.test" (addresses in lower case).
/// </summary>
public sealed record FeedSubject(FeedSubjectKind Kind, string Key)
{
    public const string BoardPrefix = "board:";
    public const string PersonPrefix = "person:";

    private const int MaxBoardIdLength = 64;
    private const int MaxEmailLength = 320;

    /// <summary>What a malformed subject is told, with examples.</summary>
    public const string Expected = "a subject is \"board:{boardId}\" (e.g. \"board:sn\") or \"person:{email}\" (e.g. \"person:anna@exempelby.test\")";

    /// <summary>The subject written in <paramref name="text"/>, in its stored form; null when it is not one.</summary>
    public static FeedSubject? Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.StartsWith(BoardPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var board = trimmed[BoardPrefix.Length..].Trim();
            return IsBoardId(board) ? new FeedSubject(FeedSubjectKind.Board, board) : null;
        }

        if (trimmed.StartsWith(PersonPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var email = trimmed[PersonPrefix.Length..].Trim().ToLowerInvariant();
            return IsEmail(email) ? new FeedSubject(FeedSubjectKind.Person, email) : null;
        }

        return null;
    }

    /// <summary>The stored form: "board:sn", "person:anna@exempelby.test".</summary>
    public override string ToString() => (Kind == FeedSubjectKind.Board ? BoardPrefix : PersonPrefix) + Key;

    private static bool IsBoardId(string id) =>
        id.Length is > 0 and <= MaxBoardIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email.Length <= MaxEmailLength
            && at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }
}
