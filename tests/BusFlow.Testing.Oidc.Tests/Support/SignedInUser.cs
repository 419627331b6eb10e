namespace BusFlow.Testing.Oidc.Tests.Support;

/// <summary>What <see cref="SignedInApp"/>'s protected page tells about the signed-in user.</summary>
internal sealed record SignedInUser(string? Subject, string? Email, string? Name, IReadOnlyList<string> Groups, bool IsAdministrator);
