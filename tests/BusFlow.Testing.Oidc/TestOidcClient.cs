namespace BusFlow.Testing.Oidc;

/// <summary>
/// The one client application registered at a <see cref="TestOidcProvider"/>: a confidential client
/// (id and secret) that must use the authorization code flow with PKCE and may only be sent back to
/// its registered redirect URIs.
/// </summary>
public sealed record TestOidcClient(string ClientId, string ClientSecret)
{
    /// <summary>The paths ASP.NET Core's OpenID Connect handler listens on by default.</summary>
    public const string SignInCallbackPath = "/signin-oidc";

    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    public IReadOnlyList<Uri> RedirectUris { get; init; } = [];

    public IReadOnlyList<Uri> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>A client whose application at <paramref name="applicationBase"/> uses ASP.NET Core's default callback paths.</summary>
    public static TestOidcClient ForApplication(string clientId, string clientSecret, Uri applicationBase) => new(clientId, clientSecret)
    {
        RedirectUris = [CallbackOf(applicationBase, SignInCallbackPath)],
        PostLogoutRedirectUris = [CallbackOf(applicationBase, SignedOutCallbackPath)],
    };

    internal static Uri CallbackOf(Uri applicationBase, string path) =>
        new(applicationBase.GetLeftPart(UriPartial.Authority) + applicationBase.AbsolutePath.TrimEnd('/') + path);
}
