using BusFlow.Notifications.Links;

namespace BusFlow.Notifications.Tests.Links;

public sealed class LinkKeyTests
{
    private static readonly LinkKey Key = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void A_link_secret_carries_128_bits_and_is_the_same_for_the_same_token_and_key()
    {
        var id = Guid.CreateVersion7();

        var secret = Key.LinkSecret(id);

        Assert.Equal(22, secret.Length);
        Assert.Equal(16, Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/') + "==").Length);
        Assert.Equal(secret, new LinkKey(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()).LinkSecret(id));
        Assert.NotEqual(secret, LinkKey.Generate().LinkSecret(id));
        Assert.NotEqual(secret, Key.LinkSecret(Guid.CreateVersion7()));
    }

    [Fact]
    public void The_stored_hash_is_not_the_secret_and_finds_it_again()
    {
        var secret = Key.LinkSecret(Guid.CreateVersion7());

        var hash = LinkKey.Hash(secret);

        Assert.NotEqual(secret, hash);
        Assert.DoesNotContain(secret, hash, StringComparison.Ordinal);
        Assert.Equal(hash, LinkIssuer.LookupHash(LinkPurpose.TaskAnswer, secret));
    }

    [Fact]
    public void A_code_is_typed_forgivingly_in_any_case_with_or_without_dash_and_with_O_for_zero()
    {
        var code = Key.Code(Guid.CreateVersion7());
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", code);

        var typed = " " + code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant().Replace('0', 'o') + " ";

        Assert.Equal(code, LinkKey.NormalizeCode(typed));
        Assert.Equal(LinkKey.Hash(code), LinkIssuer.LookupHash(LinkPurpose.TaskCode, typed));
        Assert.Null(LinkKey.NormalizeCode("ABC"));
        Assert.Null(LinkIssuer.LookupHash(LinkPurpose.TaskCode, "UUUUU-UUUUU"));
    }

    [Fact]
    public void A_key_shorter_than_256_bits_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new LinkKey(new byte[16]));
    }
}
