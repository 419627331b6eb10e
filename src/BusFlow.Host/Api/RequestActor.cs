using BusFlow.Web.Accounts;

namespace BusFlow.Host.Api;

/// <summary>Who makes a change: the signed-in person (by session or API token), never a header the caller chose.</summary>
public static class RequestActor
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AuditTrail.ActorOf(context.User);
    }
}
