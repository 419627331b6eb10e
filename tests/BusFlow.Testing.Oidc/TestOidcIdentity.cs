using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BusFlow.Testing.Oidc;

/// <summary>The principal a signed-in test user gets: every claim goes into both the identity token and the access token.</summary>
internal static class TestOidcIdentity
{
    public static ClaimsPrincipal Of(TestOidcUser user, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(nameof(TestOidcProvider), Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.PreferredUsername, user.UserName);
        identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        // One claim of the array type, so that a single group is still written as an array, as Entra ID does.
        identity.AddClaim(new Claim(TestOidcProvider.GroupsClaim, JsonSerializer.Serialize(user.Groups), JsonClaimValueTypes.JsonArray));
        identity.SetScopes(scopes);
        identity.SetDestinations(static _ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The userinfo answer: the same facts as the identity token.</summary>
    public static Dictionary<string, object> UserInfoOf(TestOidcUser user) => new()
    {
        [Claims.Subject] = user.Subject,
        [Claims.Email] = user.Email,
        [Claims.EmailVerified] = user.EmailVerified,
        [Claims.Name] = user.Name,
        [Claims.PreferredUsername] = user.UserName,
        [TestOidcProvider.GroupsClaim] = user.Groups,
    };
}
