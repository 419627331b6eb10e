using MimeKit;

namespace BusFlow.Host.Tests.Faults;

/// <summary>What an SMTP server received, counted by Message-ID: a message that arrived twice arrived with the same one.</summary>
public sealed record MailTally(int Received, int Distinct, IReadOnlySet<string> Subjects)
{
    /// <summary>The copies beyond the first of each Message-ID: the mails delivered twice (or more).</summary>
    public int Duplicates => Received - Distinct;

    public static MailTally Of(IReadOnlyList<MimeMessage> messages) =>
        new(messages.Count,
            messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count(),
            messages.Select(m => m.Subject ?? "").ToHashSet(StringComparer.Ordinal));

    public override string ToString() => $"{Received} mails received, {Distinct} distinct Message-IDs, {Duplicates} delivered twice";
}
