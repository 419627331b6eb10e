using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Accounts.Tokens;
using BusFlow.Engine.Time;
using BusFlow.Web.Accounts;
using BusFlow.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Web.Pages.Account;

public sealed class TokensModel(UserManager<BusFlowUser> users, IApiTokenStore store, ApiTokenIssuer issuer, AuditTrail audit, EngineOptions engine) : PageModel
{
    private static readonly LocalDateTimePattern Moment = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? NewSecret { get; private set; }

    public string Show(Instant instant) => Moment.Format(instant.InZone(engine.TimeZone).LocalDateTime);

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user) : Challenge();

    public async Task<IActionResult> OnPostCreateAsync(string? name, int? days, bool write)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var errors = new List<string>();
        if (name is null || name.Trim().Length is 0 or > 100)
        {
            errors.Add(Strings.Tokens_BadName);
        }

        if (days is not (>= 1 and <= ApiTokenIssuer.MaxDays))
        {
            errors.Add(Strings.Tokens_BadDays);
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync(user);
        }

        var (token, secret) = await issuer.CreateAsync(user.Id, name!, days!.Value, write ? [ApiTokenScopes.Write] : [ApiTokenScopes.Read], HttpContext.RequestAborted);
        await audit.RecordAsync(HttpContext, AuditActions.TokenCreated, target: token.Id.ToString(), detail: $"'{token.Name}', {string.Join(" ", token.Scopes)}, until {token.ExpiresAt}");
        NewSecret = secret;
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (await issuer.RevokeAsync(user.Id, id, HttpContext.RequestAborted) is { } revoked)
        {
            await audit.RecordAsync(HttpContext, AuditActions.TokenRevoked, target: revoked.Id.ToString(), detail: $"'{revoked.Name}'");
        }

        return await ShowAsync(user);
    }

    private async Task<IActionResult> ShowAsync(BusFlowUser user)
    {
        Tokens = await store.ListOfAsync(user.Id, HttpContext.RequestAborted);
        return Page();
    }
}
