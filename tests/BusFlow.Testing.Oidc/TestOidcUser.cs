namespace BusFlow.Testing.Oidc;

/// <summary>
/// A person who can sign in at the <see cref="TestOidcProvider"/>: by <see cref="UserName"/> (the
/// e-mail address unless given) and <see cref="Password"/>. The identity token carries
/// <c>sub</c>, <c>email</c>, <c>email_verified</c>, <c>name</c>, <c>preferred_username</c> and <c>groups</c> (always a JSON array).
/// </summary>
public sealed record TestOidcUser(string Subject, string Email, string Name, IReadOnlyList<string> Groups)
{
    public const string DefaultPassword = "correct horse battery staple";

    public string UserName { get; init; } = Email;

    public string Password { get; init; } = DefaultPassword;

    /// <summary>Whether the provider vouches for <see cref="Email"/> (the <c>email_verified</c> claim).</summary>
    public bool EmailVerified { get; init; }
}
