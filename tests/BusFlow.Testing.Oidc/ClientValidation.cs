using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace BusFlow.Testing.Oidc;

/// <summary>
/// The checks OpenIddict leaves to the host in degraded mode (no application store): the client id,
/// its secret at the token endpoint, the redirect URIs it may be sent back to, and that an
/// authorization code is redeemed once. PKCE, the code's binding to the client and redirect URI, and
/// the tokens themselves are OpenIddict's own checks.
/// </summary>
internal static class ClientValidation
{
    public static void Register(OpenIddictServerBuilder server, ProviderDirectory directory)
    {
        server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (!directory.IsClient(context.ClientId))
            {
                context.Reject(Errors.InvalidClient, $"The client '{context.ClientId}' is not registered.");
            }
            else if (context.RedirectUri is not { } redirectUri || !directory.AllowsRedirectUri(redirectUri))
            {
                context.Reject(Errors.InvalidRequest, $"The redirect_uri '{context.RedirectUri}' is not registered for the client.");
            }

            return default;
        }));

        server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (!directory.Authenticates(context.Request.ClientId, context.Request.ClientSecret))
            {
                context.Reject(Errors.InvalidClient, "The client id or secret is wrong.");
            }
            else if (context.Request.IsAuthorizationCodeGrantType() && !directory.RedeemOnce(context.Request.Code!))
            {
                context.Reject(Errors.InvalidGrant, "The authorization code has already been redeemed.");
            }

            return default;
        }));

        server.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (context.PostLogoutRedirectUri is { } uri && !directory.AllowsPostLogoutRedirectUri(uri))
            {
                context.Reject(Errors.InvalidRequest, $"The post_logout_redirect_uri '{uri}' is not registered for the client.");
            }

            return default;
        }));
    }
}
