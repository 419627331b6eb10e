using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace BusFlow.Accounts;

/// <summary>Random secrets handed out once (API tokens, the setup link) and the hashes kept of them instead.</summary>
public static class Secrets
{
    /// <summary>256 random bits, base64url, behind a prefix that says what the secret is for.</summary>
    public static string New(string prefix) => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 of the secret, base64url: what is stored and looked up.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
