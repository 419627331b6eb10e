using BusFlow.Accounts;
using BusFlow.Testing.Oidc;

namespace BusFlow.Host.Tests.Support;

/// <summary>
/// The municipality's identity provider in host tests: a real <see cref="TestOidcProvider"/> with a
/// person in its administrators group, one in its viewers group and one in a group BusFlow does not
/// map; and the settings that point BusFlow's OpenID Connect sign-in at it.
/// </summary>
public static class OrganisationProvider
{
    public const string DisplayName = "Exempelby kommun";
    public const string AdministratorsGroup = "busflow-admins";
    public const string ViewersGroup = "busflow-viewers";

    public static readonly TestOidcUser Administrator = new("admin-7", "anna.admin@exempelby.test", "Anna Admin", [AdministratorsGroup, "all-staff"]);

    public static readonly TestOidcUser Viewer = new("viewer-8", "vera.visare@exempelby.test", "Vera Visare", [ViewersGroup]);

    public static readonly TestOidcUser Unmapped = new("staff-9", "olle.ovrig@exempelby.test", "Olle Övrig", ["all-staff"]);

    /// <summary>Has the address of a local account, which the provider does not vouch for.</summary>
    public static readonly TestOidcUser SameAddressUnverified = new("twin-10", "lena.lokal@exempelby.test", "Lena Lokal", [AdministratorsGroup]);

    /// <summary>Has the address of a local account, and the provider says the address is verified.</summary>
    public static readonly TestOidcUser SameAddressVerified = new("twin-11", "vera.verifierad@exempelby.test", "Vera Verifierad", [AdministratorsGroup]) { EmailVerified = true };

    /// <summary>A viewer today, who will leave the viewers group.</summary>
    public static readonly TestOidcUser Leaver = new("leaver-12", "lars.lamnar@exempelby.test", "Lars Lämnar", [ViewersGroup]);

    /// <summary>Starts the provider; its client may be sent back to BusFlow once <see cref="TestOidcProvider.AllowRedirectsTo"/> names BusFlow's address.</summary>
    public static Task<TestOidcProvider> StartAsync() =>
        TestOidcProvider.StartAsync(new TestOidcClient("busflow", "busflow-client-secret"), [Administrator, Viewer, Unmapped, SameAddressUnverified, SameAddressVerified, Leaver]);

    /// <summary>BusFlow's "BusFlow:SignIn:Oidc" settings for <paramref name="provider"/>: its groups mapped to BusFlow's roles.</summary>
    public static Dictionary<string, string?> SettingsFor(TestOidcProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new Dictionary<string, string?>
        {
            ["BusFlow:SignIn:Oidc:Authority"] = provider.Issuer.AbsoluteUri,
            ["BusFlow:SignIn:Oidc:ClientId"] = provider.Client.ClientId,
            ["BusFlow:SignIn:Oidc:ClientSecret"] = provider.Client.ClientSecret,
            ["BusFlow:SignIn:Oidc:DisplayName"] = DisplayName,
            ["BusFlow:SignIn:Oidc:RoleClaim"] = TestOidcProvider.GroupsClaim,
            [$"BusFlow:SignIn:Oidc:Roles:{AdministratorsGroup}"] = AccountRoles.Administrator,
            [$"BusFlow:SignIn:Oidc:Roles:{ViewersGroup}"] = AccountRoles.Viewer,
            // The provider runs on plain http on loopback: tests have no certificate.
            ["BusFlow:SignIn:Oidc:AllowHttp"] = "true",
        };
    }
}
