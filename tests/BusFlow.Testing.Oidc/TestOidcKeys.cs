using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace BusFlow.Testing.Oidc;

/// <summary>
/// The providers' signing and encryption keys: made in memory once per test process and never
/// stored. Generating an RSA key per provider (as AddEphemeralSigningKey does) cost seconds of a busy
/// machine's time at each start.
/// </summary>
internal static class TestOidcKeys
{
    private static readonly Lazy<RsaSecurityKey> SigningKey = new(() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-oidc-signing" });

    private static readonly Lazy<SymmetricSecurityKey> EncryptionKey = new(() => new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));

    public static RsaSecurityKey Signing => SigningKey.Value;

    /// <summary>Encrypts the authorization codes (access tokens are left readable by DisableAccessTokenEncryption).</summary>
    public static SymmetricSecurityKey Encryption => EncryptionKey.Value;
}
