namespace BusFlow.Accounts.Tokens;

/// <summary>The scopes of a personal API token: reading, and changing (which includes reading).</summary>
public static class ApiTokenScopes
{
    public const string Read = "read";
    public const string Write = "write";

    /// <summary>The claim that carries a token's scopes on the principal it signs in.</summary>
    public const string ClaimType = "busflow:scope";

    /// <summary>The prefix of every token secret, so a leaked one is recognisable (e.g. by secret scanners).</summary>
    public const string SecretPrefix = "bft_";

    public static IReadOnlyList<string> All { get; } = [Read, Write];

    /// <summary>The scopes as stored: known ones only, and write always with read; null when one is unknown.</summary>
    public static List<string>? Normalize(IEnumerable<string>? requested)
    {
        var scopes = (requested ?? [Read]).Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().ToList();
        if (scopes.Count == 0 || scopes.Any(s => !All.Contains(s)))
        {
            return null;
        }

        return scopes.Contains(Write) ? [Read, Write] : [Read];
    }
}
