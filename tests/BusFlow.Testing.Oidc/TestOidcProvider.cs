using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BusFlow.Testing.Oidc;

/// <summary>
/// A real OpenID Connect provider for tests: OpenIddict's server on Kestrel at
/// http://127.0.0.1:{free port}, with discovery at /.well-known/openid-configuration, JWKS, an
/// authorization endpoint that shows a sign-in form (no script), a token endpoint for the
/// authorization code flow with PKCE required, userinfo and end session. It knows one client and the
/// given users; its signing and encryption keys live in memory only (see TestOidcKeys).
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string AuthorizationPath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string UserInfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/endsession";
    public const string DiscoveryPath = "/.well-known/openid-configuration";

    /// <summary>The claim (and the scope, though it is sent whatever the scopes) with the user's groups, a JSON array.</summary>
    public const string GroupsClaim = "groups";

    private readonly WebApplication _app;
    private readonly ProviderDirectory _directory;

    private TestOidcProvider(WebApplication app, ProviderDirectory directory)
    {
        _app = app;
        _directory = directory;
        Issuer = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>The provider's address, which is also the issuer of its tokens (with the trailing slash OpenIddict gives it).</summary>
    public Uri Issuer { get; }

    public Uri DiscoveryDocument => new(Issuer, DiscoveryPath);

    public Uri AuthorizationEndpoint => new(Issuer, AuthorizationPath);

    public Uri TokenEndpoint => new(Issuer, TokenPath);

    public TestOidcClient Client => _directory.Client;

    public IReadOnlyList<TestOidcUser> Users => _directory.Users;

    public static async Task<TestOidcProvider> StartAsync(TestOidcClient client, IEnumerable<TestOidcUser> users, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var directory = new ProviderDirectory(client, [.. users]);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TestOidcProvider).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(directory);
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris(AuthorizationPath)
                .SetTokenEndpointUris(TokenPath)
                .SetUserInfoEndpointUris(UserInfoPath)
                .SetEndSessionEndpointUris(EndSessionPath);
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
            server.RegisterScopes(Scopes.Email, Scopes.Profile, GroupsClaim);
            server.RegisterClaims(Claims.Subject, Claims.Email, Claims.Name, Claims.PreferredUsername, GroupsClaim);
            server.AddSigningKey(TestOidcKeys.Signing).AddEncryptionKey(TestOidcKeys.Encryption).DisableAccessTokenEncryption();
            // No application, authorization or token store: the client is checked by ClientValidation.
            server.EnableDegradedMode();
            ClientValidation.Register(server, directory);
            GroupsAsArray.Register(server);
            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                // Plain HTTP on loopback: tests have no certificate.
                .DisableTransportSecurityRequirement();
        });

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        ProviderEndpoints.Map(app);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new TestOidcProvider(app, directory);
    }

    /// <summary>Lets the client be sent back to an application started after the provider (its port was not known before).</summary>
    public void AllowRedirectsTo(Uri applicationBase)
    {
        ArgumentNullException.ThrowIfNull(applicationBase);
        _directory.AllowRedirectUri(TestOidcClient.CallbackOf(applicationBase, TestOidcClient.SignInCallbackPath));
        _directory.AllowPostLogoutRedirectUri(TestOidcClient.CallbackOf(applicationBase, TestOidcClient.SignedOutCallbackPath));
    }

    public void AllowRedirectUri(Uri redirectUri) => _directory.AllowRedirectUri(redirectUri);

    public void AllowPostLogoutRedirectUri(Uri postLogoutRedirectUri) => _directory.AllowPostLogoutRedirectUri(postLogoutRedirectUri);

    /// <summary>Changes a person at the provider (matched by subject): moved to other groups, given another address.</summary>
    public void Replace(TestOidcUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _directory.Replace(user);
    }

    public TestOidcUser User(string userName) =>
        Users.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No test user '{userName}'.", nameof(userName));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
