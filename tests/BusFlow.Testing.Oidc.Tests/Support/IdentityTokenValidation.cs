using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BusFlow.Testing.Oidc.Tests.Support;

/// <summary>Validates a token the way a relying party does: against the keys the provider's discovery document points to.</summary>
internal static class IdentityTokenValidation
{
    public static async Task<TokenValidationResult> ValidateAsync(TestOidcProvider provider, string token)
    {
        var configuration = await new ConfigurationManager<OpenIdConnectConfiguration>(
            provider.DiscoveryDocument.AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = false }).GetConfigurationAsync(CancellationToken.None);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = provider.Client.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
        });
    }
}
