using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace BusFlow.Notifications.Links;

/// <summary>
/// The server's secret for links: derives each link's secret from its token id (HMAC-SHA256) and
/// hashes secrets for lookup. Every node of one installation must have the same key; it is kept
/// in configuration or the data folder, never in the database.
/// </summary>
public sealed class LinkKey
{
    /// <summary>Link secrets: 128 bits, base64url (22 characters).</summary>
    public const int LinkBytes = 16;

    /// <summary>Codes to type: 10 characters of Crockford's base32 (50 bits), without I, L, O and U.</summary>
    public const int CodeLength = 10;

    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly byte[] _key;

    public LinkKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("A link key has at least 32 bytes (256 bits).", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    public static LinkKey Generate() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>The link secret of a token: the same for the same id, for as long as the key stays.</summary>
    public string LinkSecret(Guid tokenId) => Base64Url.EncodeToString(Mac(tokenId, "link").AsSpan(0, LinkBytes));

    /// <summary>The code of a token, grouped for reading as XXXXX-XXXXX.</summary>
    public string Code(Guid tokenId)
    {
        var mac = Mac(tokenId, "code");
        var chars = new char[CodeLength];
        for (var i = 0; i < CodeLength; i++)
        {
            chars[i] = CodeAlphabet[mac[i] % CodeAlphabet.Length];
        }

        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    /// <summary>
    /// A key for another use of the installation's secret (e.g. "outbox"), derived with HKDF-SHA256:
    /// one key to keep and share between nodes, and no use can learn another use's key.
    /// </summary>
    public byte[] DeriveKey(string use, int length = 32)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(use);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, length, salt: [], info: Encoding.UTF8.GetBytes($"busflow:{use}"));
    }

    /// <summary>The stored hash of a secret or a code (codes compared without case, spaces or dashes).</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>A typed code as it was issued: upper case, O→0, I/L→1, grouped; null when it cannot be one.</summary>
    public static string? NormalizeCode(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var chars = typed.ToUpperInvariant()
            .Where(c => !char.IsWhiteSpace(c) && c != '-')
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })
            .ToArray();
        return chars.Length == CodeLength && chars.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal))
            ? $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}"
            : null;
    }

    private byte[] Mac(Guid tokenId, string use) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{use}:{tokenId:N}"));
}
