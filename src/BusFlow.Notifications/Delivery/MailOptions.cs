using MailKit.Security;
using MimeKit;

namespace BusFlow.Notifications.Delivery;

/// <summary>How the outbox is delivered: the "BusFlow:Mail" section of the configuration.</summary>
public sealed class MailOptions
{
    public const string FolderMode = "Folder";
    public const string SmtpMode = "Smtp";

    /// <summary><see cref="FolderMode"/> (default: .eml files in <see cref="Folder"/>) or <see cref="SmtpMode"/>.</summary>
    public string Mode { get; set; } = FolderMode;

    /// <summary>Where Folder mode writes the messages.</summary>
    public string Folder { get; set; } = "data/mail";

    public string? Host { get; set; }

    /// <summary>Default: 465 with SslOnConnect, else 587.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// StartTls, SslOnConnect or None (case-insensitive). Default: SslOnConnect on port 465, else
    /// StartTls (required). None, a connection in clear text, is used only when configured.
    /// </summary>
    public string? Security { get; set; }

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, address and display name: "BusFlow &lt;busflow@exempelby.test&gt;".</summary>
    public string From { get; set; } = "BusFlow <busflow@exempelby.test>";

    /// <summary>Where the links in messages point: this host's public address.</summary>
    public string LinkBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How many days after its due date a task's link still opens it.</summary>
    public int TaskLinkGraceDays { get; set; } = 14;

    public string? ReplyTo { get; set; }

    /// <summary>The List-Id (RFC 2919), e.g. "busflow.exempelby.test".</summary>
    public string? ListId { get; set; }

    /// <summary>After this many attempts that failed temporarily, a message is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first temporary failure; it doubles with each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long a node holds a claimed message; if it dies while sending, the message is tried again after this.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many due messages a node claims in one transaction. It sends them one by one, each only while its claim
    /// still outlasts <see cref="Timeout"/>, and hands back the ones it did not get to; if it dies, they wait for their
    /// claim to run out. Larger batches cost fewer transactions; smaller ones leave less waiting after a crash.
    /// </summary>
    public int ClaimBatchSize { get; set; } = 50;

    /// <summary>The SMTP client's timeout for each command.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>When the recurring delivery job runs (Hangfire cron, UTC).</summary>
    public string DeliveryCron { get; set; } = "* * * * *";

    /// <summary>
    /// Whether a server delivers mail right after the transaction that wrote it commits, on the node that
    /// wrote it, besides the scheduled runs. Off, mail waits for the next scheduled run (confirmation codes
    /// are still hurried).
    /// </summary>
    public bool DeliverAfterCommit { get; set; } = true;

    public bool IsSmtp => string.Equals(Mode, SmtpMode, StringComparison.OrdinalIgnoreCase);

    public bool IsFolder => string.Equals(Mode, FolderMode, StringComparison.OrdinalIgnoreCase);

    public MailboxAddress FromAddress => MailboxAddress.Parse(From);

    public int EffectivePort => Port ?? (ParseSecurity() == SecureSocketOptions.SslOnConnect ? 465 : 587);

    /// <summary>The socket options: configured, or by port (465: SslOnConnect; otherwise StartTls, required).</summary>
    public SecureSocketOptions EffectiveSecurity => ParseSecurity() ?? (Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);

    public void Validate()
    {
        if (!IsSmtp && !IsFolder)
        {
            throw new ArgumentException($"Unknown mail mode '{Mode}': use '{FolderMode}' or '{SmtpMode}'.");
        }

        if (IsSmtp && string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("Smtp mail needs BusFlow:Mail:Host.");
        }

        if (IsFolder && string.IsNullOrWhiteSpace(Folder))
        {
            throw new ArgumentException("Folder mail needs BusFlow:Mail:Folder.");
        }

        if (!MailboxAddress.TryParse(From, out _))
        {
            throw new ArgumentException($"BusFlow:Mail:From '{From}' is not an address such as \"BusFlow <busflow@exempelby.test>\".");
        }

        if (ReplyTo is { Length: > 0 } && !MailboxAddress.TryParse(ReplyTo, out _))
        {
            throw new ArgumentException($"BusFlow:Mail:ReplyTo '{ReplyTo}' is not an address.");
        }

        _ = ParseSecurity();
        if (MaxAttempts < 1)
        {
            throw new ArgumentException("BusFlow:Mail:MaxAttempts must be at least 1.");
        }

        if (ClaimBatchSize < 1)
        {
            throw new ArgumentException("BusFlow:Mail:ClaimBatchSize must be at least 1.");
        }

        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay || ClaimDuration <= TimeSpan.Zero || Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("BusFlow:Mail's delays must be positive, and MaxRetryDelay at least RetryDelay.");
        }

        if (ClaimDuration <= Timeout)
        {
            // A claim that ran out while the server still had the message would let another node send it too.
            throw new ArgumentException("BusFlow:Mail:ClaimDuration must be longer than BusFlow:Mail:Timeout.");
        }
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> attempts: RetryDelay·2^(attempts−1), at most MaxRetryDelay.</summary>
    public TimeSpan RetryDelayAfter(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = Math.Min(RetryDelay.Ticks * Math.Pow(2, exponent), MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private SecureSocketOptions? ParseSecurity() => Security?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => throw new ArgumentException($"Unknown BusFlow:Mail:Security '{Security}': use StartTls, SslOnConnect or None."),
    };
}
