namespace BusFlow.Host.Simulation;

/// <summary>A person a reminder or an escalation went to, and the role they were reached through ("sn/Chair"), if any.</summary>
public sealed record TimelineRecipient(string Address, string? Role)
{
    /// <summary>"anna.lindqvist@exempelby.test (sn/Chair)".</summary>
    public override string ToString() => Role is null ? Address : $"{Address} ({Role})";
}
