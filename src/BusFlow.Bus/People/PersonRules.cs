using System.Text.RegularExpressions;

namespace BusFlow.Bus.People;

/// <summary>What a person's particulars must be: a name, an address one can write to, and a language BusFlow writes in.</summary>
public static partial class PersonRules
{
    public const int NameMaxLength = 200;

    /// <summary>The longest address SMTP carries (RFC 5321).</summary>
    public const int EmailMaxLength = 254;

    public const string Swedish = "sv";
    public const string English = "en";

    public static IReadOnlyList<string> Languages { get; } = [Swedish, English];

    /// <summary>Looks like an address: something, one @, a domain with a dot, and no spaces. Whether it reaches anyone only mail tells.</summary>
    public static bool IsEmail(string email) => Email().IsMatch(email);

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex Email();
}
