using System.Text;
using System.Text.RegularExpressions;

namespace BusFlow.Bus.Boards;

/// <summary>What a board's particulars must be: a short code (SN, BUN, KSON), a name, and a notice rule.</summary>
public static partial class BoardRules
{
    public const int CodeMaxLength = 12;
    public const int NameMaxLength = 200;
    public const int MaxNoticeDays = 60;

    public static bool IsCode(string code) => Code().IsMatch(code);

    /// <summary>A new board's id: its organization and code in lower case ASCII ("exempelby-sn"), stable in URLs and files.</summary>
    public static string IdOf(string organizationId, string code) => Slug($"{organizationId}-{code}");

    /// <summary>The id itself when no record has it yet, else the first of "id-2", "id-3" … that is free.</summary>
    public static string FreeId(string id, Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var free = id;
        for (var n = 2; taken(free); n++)
        {
            free = $"{id}-{n}";
        }

        return free;
    }

    /// <summary>Lower case ASCII letters, digits and dashes: "Exempelby kommun" → "exempelby-kommun".</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            slug.Append(c switch
            {
                'å' or 'ä' => 'a',
                'ö' => 'o',
                'é' => 'e',
                _ when char.IsAsciiLetterOrDigit(c) => c,
                _ => '-',
            });
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}-]*$")]
    private static partial Regex Code();
}
