using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace BusFlow.Testing.Wording;

/// <summary>Reads a resource's texts in one language, to compare the languages a reader may choose.</summary>
public static partial class ResourceWording
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Each key with its text in exactly this culture (no fallback to the neutral language).</summary>
    public static IReadOnlyDictionary<string, string> In(ResourceManager resources, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(resources);
        // Satellites are per language (sv), not per country (sv-SE); the invariant culture is its own parent.
        var language = culture.IsNeutralCulture ? culture : culture.Parent;
        var set = resources.GetResourceSet(language, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{resources.BaseName} has no resources for '{language.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    /// <summary>The numbered holes of a composite format ("{0}", "{1:…}"), without the escaped braces.</summary>
    public static IReadOnlySet<string> Placeholders(string format) =>
        Hole().Matches(format.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Hole();
}
