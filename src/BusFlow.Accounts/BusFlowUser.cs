using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace BusFlow.Accounts;

/// <summary>
/// A person who signs in. The e-mail address links the account to a person of the directory, so
/// "my tasks" and "my boards" follow that person's role assignments over time.
/// </summary>
public sealed class BusFlowUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>"sv" or "en": the language of the pages for this account.</summary>
    public string Language { get; set; } = "sv";

    /// <summary>A disabled account cannot sign in, and its API tokens stop working.</summary>
    public bool IsDisabled { get; set; }

    public Instant CreatedAt { get; set; }

    /// <summary>The name to show and to record as the actor of a change.</summary>
    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}
