using BusFlow.Accounts.Audit;
using BusFlow.Web.Accounts;

namespace BusFlow.Host.Api;

/// <summary>
/// Every change made through the API that succeeded goes to the audit log: who, which route, from
/// where. The body is not written (it may hold personal data); the journal of the workflow has the rest.
/// </summary>
public sealed class AuditedChangeFilter(AuditTrail audit) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && Succeeded(result, http))
        {
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            await audit.RecordAsync(http, AuditActions.Change, target: http.Request.Path.Value, detail: $"{http.Request.Method} {route}");
        }

        return result;
    }

    private static bool Succeeded(object? result, HttpContext http) =>
        (result as IStatusCodeHttpResult)?.StatusCode is { } status ? status is >= 200 and < 300 : http.Response.StatusCode is >= 200 and < 300;
}
