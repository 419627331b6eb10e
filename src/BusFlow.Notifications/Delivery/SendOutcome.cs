namespace BusFlow.Notifications.Delivery;

/// <summary>What became of one claimed message: handed over, refused for now or for good, or not tried at all.</summary>
internal enum SendOutcomeKind
{
    Sent,
    Retry,
    Failed,

    /// <summary>Not tried: the run stopped before it, so its claim is handed back.</summary>
    NotTried,
}

internal sealed record SendOutcome(SendOutcomeKind Kind, string? Reason, string? ServerReply)
{
    public static readonly SendOutcome NotTried = new(SendOutcomeKind.NotTried, null, null);
}
