using NodaTime;

namespace BusFlow.Accounts.Audit;

/// <summary>
/// One line of the audit log: who did what, when and from where. The log is append-only: the storage
/// refuses to change or delete a line.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Instant At { get; set; }

    /// <summary>The account that acted (its e-mail address), or what was tried when nobody is signed in.</summary>
    public required string Actor { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What was acted on: an account, a token, an instance, a task.</summary>
    public string? Target { get; set; }

    /// <summary>A short description in plain words, never a secret.</summary>
    public string? Detail { get; set; }

    /// <summary>The client's address, through the known proxies.</summary>
    public string? ClientAddress { get; set; }
}
