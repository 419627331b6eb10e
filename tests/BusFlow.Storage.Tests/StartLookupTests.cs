using BusFlow.Testing;

namespace BusFlow.Storage.Tests;

/// <summary>A keyed start asks for the latest version and the key's instance in one read; each answer must be what two reads would give.</summary>
public sealed class StartLookupTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_latest_version_comes_with_the_keys_instance_whichever_version_that_instance_runs(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var keyed = await fixture.SeedInstanceAsync("avtal-2027");
        await fixture.WriteAsync(session =>
        {
            session.Add(Sample.Definition(version: 3));
            session.Add(Sample.Definition(version: 2));
        });

        var (latest, instance) = await fixture.ReadAsync(s => s.FindLatestVersionAndCorrelatedInstanceAsync("ansokan", "avtal-2027", default));
        var (latestForNewKey, none) = await fixture.ReadAsync(s => s.FindLatestVersionAndCorrelatedInstanceAsync("ansokan", "avtal-2031", default));

        Assert.Equal((3, keyed.Id, 1), (latest, instance?.Id, instance?.DefinitionVersion));
        Assert.Equal((3, null), (latestForNewKey, none));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_unpublished_definition_has_no_version_and_its_key_no_instance_even_where_another_definition_uses_the_key(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.SeedInstanceAsync("avtal-2027");

        var (latest, instance) = await fixture.ReadAsync(s => s.FindLatestVersionAndCorrelatedInstanceAsync("okand", "avtal-2027", default));

        Assert.Equal((null, null), (latest, instance));
    }
}
