namespace BusFlow.Testing.Oidc.Tests.Support;

/// <summary>One provider for a test class, its client sent back to <see cref="HandDrivenCodeFlow.RedirectUri"/>.</summary>
public sealed class ProviderFixture : IAsyncLifetime
{
    public TestOidcProvider Provider { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Provider = await TestOidcProvider.StartAsync(
            new TestOidcClient("client-app", "client-secret") { RedirectUris = [HandDrivenCodeFlow.RedirectUri] },
            TestUsers.All);

    public async Task DisposeAsync() => await Provider.DisposeAsync();
}
