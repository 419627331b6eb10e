namespace BusFlow.Web.Security;

/// <summary>
/// An OpenID Connect provider (a municipality's Entra ID, or any provider; SAML federations through an
/// OIDC bridge): authorization code with PKCE, and the mapping of its group or role claims to BusFlow's roles.
/// </summary>
public sealed class OidcSettings
{
    public const string Scheme = "oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The button's text: "Logga in med {DisplayName}".</summary>
    public string DisplayName { get; set; } = "organisationens konto";

    /// <summary>The claim whose values are mapped to roles (Entra ID: "groups" or "roles").</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>A claim value (a group's object id, an app role) → a BusFlow role (Administrator, Secretary, Viewer).</summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.Ordinal);

    public List<string> Scopes { get; set; } = ["openid", "profile", "email"];

    /// <summary>
    /// The provider vouches for every address it sends (Entra ID that sends only the tenant's verified
    /// domains), so an existing account with the address may be linked without an email_verified claim.
    /// </summary>
    public bool TrustEmailAddresses { get; set; }

    /// <summary>Only for a provider on loopback in tests and trials: metadata over plain HTTP.</summary>
    public bool AllowHttp { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
