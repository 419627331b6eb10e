namespace BusFlow.Testing.Oidc.Tests;

/// <summary>The provider's users in these tests: an administrator in two groups and a secretary in one.</summary>
internal static class TestUsers
{
    public static readonly TestOidcUser Administrator = new("admin-1", "anna.admin@exempelby.test", "Anna Admin", ["busflow-admins", "sn-secretaries"]);

    public static readonly TestOidcUser Secretary = new("secretary-2", "sara.sekreterare@exempelby.test", "Sara Sekreterare", ["sn-secretaries"])
    {
        UserName = "sara",
        Password = "another long passphrase",
    };

    public static readonly TestOidcUser[] All = [Administrator, Secretary];
}
