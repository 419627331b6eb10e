using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace BusFlow.Testing.Oidc;

/// <summary>
/// What the provider knows, in memory: its client with the redirect URIs it may be sent back to (more
/// can be allowed after start, once the application's port is known), its users, and the
/// authorization codes already redeemed (a code is good once).
/// </summary>
internal sealed class ProviderDirectory(TestOidcClient client, IReadOnlyList<TestOidcUser> people)
{
    private readonly ConcurrentDictionary<string, TestOidcUser> _users = new(people.Select(u => KeyValuePair.Create(u.Subject, u)), StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _redirectUris = new(client.RedirectUris.Select(u => KeyValuePair.Create(u.AbsoluteUri, true)), StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _postLogoutRedirectUris = new(client.PostLogoutRedirectUris.Select(u => KeyValuePair.Create(u.AbsoluteUri, true)), StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _redeemedCodes = new(StringComparer.Ordinal);

    public TestOidcClient Client => client;

    public IReadOnlyList<TestOidcUser> Users => [.. _users.Values];

    /// <summary>The person with <paramref name="user"/>'s subject is now as given: other groups, another address.</summary>
    public void Replace(TestOidcUser user) => _users[user.Subject] = user;

    public bool IsClient(string? clientId) => string.Equals(clientId, client.ClientId, StringComparison.Ordinal);

    public bool Authenticates(string? clientId, string? clientSecret) =>
        IsClient(clientId) && clientSecret is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(client.ClientSecret));

    public void AllowRedirectUri(Uri uri) => _redirectUris[uri.AbsoluteUri] = true;

    public void AllowPostLogoutRedirectUri(Uri uri) => _postLogoutRedirectUris[uri.AbsoluteUri] = true;

    public bool AllowsRedirectUri(string uri) => _redirectUris.ContainsKey(Normalized(uri));

    public bool AllowsPostLogoutRedirectUri(string uri) => _postLogoutRedirectUris.ContainsKey(Normalized(uri));

    /// <summary>True the first time a code is redeemed, false on every later try.</summary>
    public bool RedeemOnce(string code) => _redeemedCodes.TryAdd(code, true);

    public TestOidcUser? SignIn(string? userName, string? password) =>
        _users.Values.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase) && string.Equals(u.Password, password, StringComparison.Ordinal));

    public TestOidcUser? WithSubject(string? subject) => subject is not null && _users.TryGetValue(subject, out var user) ? user : null;

    private static string Normalized(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed.AbsoluteUri : uri;
}
