using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace BusFlow.Host.Api.Accounts;

/// <summary>
/// Accounts for administrators: listed, their roles set, disabled and enabled; each change audited. Nobody
/// disables her own account, and the last enabled administrator keeps her role, so the API cannot lock
/// every administrator out.
/// </summary>
public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users");
        users.MapGet("/", ListAsync).RequireAuthorization(BusFlowPolicies.Administrator);
        users.MapPut("/{id}/roles", SetRolesAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
        users.MapPost("/{id}/disable", (string id, AccountAdministration accounts, UserManager<BusFlowUser> userManager, AuditTrail audit, HttpContext http) =>
            SetDisabledAsync(id, true, accounts, userManager, audit, http)).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
        users.MapPost("/{id}/enable", (string id, AccountAdministration accounts, UserManager<BusFlowUser> userManager, AuditTrail audit, HttpContext http) =>
            SetDisabledAsync(id, false, accounts, userManager, audit, http)).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
    }

    private static async Task<IResult> ListAsync(AccountAdministration accounts) =>
        Results.Ok((await accounts.ListAsync()).Select(a => UserResponse.From(a.User, a.Roles)).ToList());

    private static async Task<IResult> SetRolesAsync(string id, SetRolesRequest request, AccountAdministration accounts, UserManager<BusFlowUser> users, AuditTrail audit, HttpContext http)
    {
        if (await accounts.FindAsync(id) is not { } user)
        {
            return ApiProblems.NotFound($"No account {id}.").ToResult();
        }

        var wanted = (request.Roles ?? []).Select(r => (Given: r, Role: AccountRoles.Normalize(r))).ToList();
        if (wanted.FirstOrDefault(w => w.Role is null) is { Given: { } unknown })
        {
            return ApiProblems.Invalid($"'{unknown}' is not a role.", [new ApiError("$.roles", $"the roles are {string.Join(", ", AccountRoles.All)}")]).ToResult();
        }

        var before = await users.GetRolesAsync(user);
        var roles = wanted.Select(w => w.Role!).Distinct().ToList();
        if (!roles.Contains(AccountRoles.Administrator) && await accounts.IsLastAdministratorAsync(user))
        {
            return LastAdministrator(user);
        }

        var result = await accounts.SetRolesAsync(user, roles);
        if (!result.Succeeded)
        {
            return ApiProblems.Conflict(string.Join(" ", result.Errors.Select(e => e.Description))).ToResult();
        }

        await users.UpdateSecurityStampAsync(user);
        foreach (var granted in roles.Except(before))
        {
            await audit.RecordAsync(http, AuditActions.RoleGranted, target: user.Email, detail: $"{granted} (roles now {string.Join(", ", roles)})");
        }

        foreach (var revoked in before.Except(roles))
        {
            await audit.RecordAsync(http, AuditActions.RoleRevoked, target: user.Email, detail: $"{revoked} (roles now {string.Join(", ", roles)})");
        }
        return Results.Ok(UserResponse.From(user, roles));
    }

    private static async Task<IResult> SetDisabledAsync(
        string id, bool disabled, AccountAdministration accounts, UserManager<BusFlowUser> users, AuditTrail audit, HttpContext http)
    {
        if (await accounts.FindAsync(id) is not { } user)
        {
            return ApiProblems.NotFound($"No account {id}.").ToResult();
        }

        if (disabled && user.Id == users.GetUserId(http.User))
        {
            return ApiProblems.Conflict("You cannot disable your own account; another administrator can.").ToResult();
        }

        if (disabled && await accounts.IsLastAdministratorAsync(user))
        {
            return LastAdministrator(user);
        }

        var result = await accounts.SetDisabledAsync(user, disabled);
        if (!result.Succeeded)
        {
            return ApiProblems.Conflict(string.Join(" ", result.Errors.Select(e => e.Description))).ToResult();
        }

        await audit.RecordAsync(http, disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, target: user.Email);
        return Results.Ok(UserResponse.From(user, await accounts.RolesOfAsync(user)));
    }

    private static IResult LastAdministrator(BusFlowUser user) =>
        ApiProblems.Conflict($"{user.Email} is the last enabled administrator; make another account an administrator first.").ToResult();
}
