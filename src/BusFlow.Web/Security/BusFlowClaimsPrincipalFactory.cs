using System.Security.Claims;
using BusFlow.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BusFlow.Web.Security;

/// <summary>Identity's principal (id, name, e-mail, roles, security stamp) with the account's display name.</summary>
internal sealed class BusFlowClaimsPrincipalFactory(UserManager<BusFlowUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BusFlowUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BusFlowUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.Label));
        return identity;
    }
}
