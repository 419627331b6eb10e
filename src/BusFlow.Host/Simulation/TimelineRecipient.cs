namespace BusFlow.Host.Simulation;

/// <summary>
/// A person a reminder or an escalation went to, the role they were reached through ("sn/Chair"),
/// if any, and how it reached them: "mailed", "inDigest" (left to their weekly digest) or "none".
/// </summary>
public sealed record TimelineRecipient(string Address, string? Role, string? Handling = null)
{
    public const string InDigest = "inDigest";

    /// <summary>"anna.lindqvist@exempelby.test (sn/Chair)", with ", in the weekly digest" when it was left to the digest.</summary>
    public override string ToString() =>
        Address + (Role, Handling) switch
        {
            (null, InDigest) => " (in the weekly digest)",
            (null, _) => "",
            ({ } role, InDigest) => $" ({role}, in the weekly digest)",
            ({ } role, _) => $" ({role})",
        };
}
