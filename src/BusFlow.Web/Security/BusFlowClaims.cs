namespace BusFlow.Web.Security;

/// <summary>The claims BusFlow adds to a signed-in principal, beside Identity's own.</summary>
public static class BusFlowClaims
{
    /// <summary>When the person signed in (Unix seconds): the session's absolute expiry counts from it.</summary>
    public const string SignedInAt = "busflow:signed_in_at";

    /// <summary>How the person signed in: "password", "totp", "oidc" or "token".</summary>
    public const string Method = "busflow:method";

    /// <summary>The API token a machine client signed in with.</summary>
    public const string TokenId = "busflow:token";

    /// <summary>Identity's "authentication method reference" claim; "mfa" after a second factor.</summary>
    public const string AuthenticationMethod = "amr";
}
