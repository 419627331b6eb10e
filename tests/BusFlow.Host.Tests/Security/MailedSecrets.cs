using System.Text.RegularExpressions;
using MimeKit;

namespace BusFlow.Host.Tests.Security;

/// <summary>Every secret delivered mail hands out, read from the messages as a person reads them.</summary>
public sealed partial record MailedSecrets(IReadOnlyList<string> Links, IReadOnlyList<string> Codes, IReadOnlyList<string> Unsubscribes)
{
    public IEnumerable<string> All => [.. Links, .. Codes, .. Unsubscribes];

    public static MailedSecrets In(IEnumerable<MimeMessage> mails)
    {
        var texts = mails.Select(mail => string.Join('\n', mail.TextBody, mail.HtmlBody, mail.Headers[HeaderId.ListUnsubscribe])).ToList();
        return new MailedSecrets(
            Distinct(texts, TaskLink()),
            Distinct(texts, Code()),
            Distinct(texts, Unsubscribe()));
    }

    private static List<string> Distinct(IEnumerable<string> texts, Regex pattern) =>
        [.. texts.SelectMany(text => pattern.Matches(text)).Select(match => match.Groups["secret"].Value).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex("/t/(?<secret>[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])")]
    private static partial Regex TaskLink();

    [GeneratedRegex(@"(?<![0-9A-Z])(?<secret>[0-9A-Z]{5}-[0-9A-Z]{5})(?![0-9A-Z])")]
    private static partial Regex Code();

    [GeneratedRegex("/unsubscribe/(?<secret>[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])")]
    private static partial Regex Unsubscribe();
}
