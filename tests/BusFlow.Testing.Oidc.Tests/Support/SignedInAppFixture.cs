namespace BusFlow.Testing.Oidc.Tests.Support;

/// <summary>One provider and one <see cref="SignedInApp"/> signing in through it, for a test class.</summary>
public sealed class SignedInAppFixture : IAsyncLifetime
{
    public TestOidcProvider Provider { get; private set; } = null!;

    internal SignedInApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync(new TestOidcClient("signed-in-app", "app-secret"), TestUsers.All);
        App = await SignedInApp.StartAsync(Provider);
        Provider.AllowRedirectsTo(App.Address);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
