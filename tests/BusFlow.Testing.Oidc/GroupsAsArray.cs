using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers.Protection;

namespace BusFlow.Testing.Oidc;

/// <summary>
/// Writes the groups of an identity or access token as one JSON array, whatever their number. The
/// authorization code carries them as separate claims, and a single claim would be written as a plain
/// string, which a relying party that expects an array (as Entra ID sends it) would misread.
/// </summary>
internal static class GroupsAsArray
{
    public static void Register(OpenIddictServerBuilder server) =>
        server.AddEventHandler<GenerateTokenContext>(handler => handler
            .UseInlineHandler(context =>
            {
                if (context.TokenType is TokenTypeIdentifiers.IdentityToken or TokenTypeIdentifiers.AccessToken
                    && context.SecurityTokenDescriptor.Subject is { } identity)
                {
                    Collapse(identity);
                }

                return default;
            })
            .SetOrder(GenerateIdentityModelToken.Descriptor.Order - 1));

    private static void Collapse(ClaimsIdentity identity)
    {
        var groups = identity.FindAll(TestOidcProvider.GroupsClaim).ToList();
        if (groups is [{ ValueType: JsonClaimValueTypes.JsonArray }])
        {
            return;
        }

        groups.ForEach(identity.RemoveClaim);
        identity.AddClaim(new Claim(TestOidcProvider.GroupsClaim, JsonSerializer.Serialize(groups.Select(g => g.Value)), JsonClaimValueTypes.JsonArray));
    }
}
