using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BusFlow.Notifications.Links;

namespace BusFlow.Notifications.Outbox;

/// <summary>
/// Seals an outbox message's content for the database and opens it again for delivery and display,
/// with AES-256-GCM under a key derived from the installation's <see cref="LinkKey"/>, which is never
/// in the database: a copy of the database holds no link, code or unsubscribe URL that works. The
/// message id is bound in as associated data, so sealed content moved to another row does not open.
/// </summary>
public sealed class OutboxSeal(LinkKey key)
{
    /// <summary>The start of sealed text, naming the format so that a later one can be told apart.</summary>
    public const string Prefix = "v1:";

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key = key.DeriveKey("outbox");

    public string Seal(Guid messageId, OutboxContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var plain = JsonSerializer.SerializeToUtf8Bytes(content);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), AssociatedData(messageId));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The content, or null when it was sealed with another key, for another message, or is not sealed text.</summary>
    public OutboxContent? TryOpen(Guid messageId, string? sealedText)
    {
        if (sealedText is null || !sealedText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var sealedBytes = Convert.FromBase64String(sealedText[Prefix.Length..]);
            var length = sealedBytes.Length - NonceBytes - TagBytes;
            if (length < 0)
            {
                return null;
            }

            var plain = new byte[length];
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain, AssociatedData(messageId));
            return JsonSerializer.Deserialize<OutboxContent>(plain);
        }
        catch (Exception error) when (error is FormatException or CryptographicException or JsonException)
        {
            return null;
        }
    }

    private static byte[] AssociatedData(Guid messageId) => Encoding.ASCII.GetBytes($"outbox:{messageId:N}");
}
