namespace BusFlow.Accounts;

/// <summary>
/// The roles an account holds. An administrator may do everything; a secretary acts for the boards
/// where the account's person is secretary on the day; a viewer reads.
/// </summary>
public static class AccountRoles
{
    public const string Administrator = "Administrator";
    public const string Secretary = "Secretary";
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Administrator, Secretary, Viewer];

    /// <summary>The role as spelled in <see cref="All"/>, whatever the case given; null when there is none.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
