namespace BusFlow.Host.Api;

/// <summary>Who makes a change: the X-BusFlow-Actor header until sign-in exists.</summary>
public static class RequestActor
{
    public const string Header = "X-BusFlow-Actor";
    public const string Default = "api";

    public static string Of(HttpContext context) =>
        context.Request.Headers[Header].ToString().Trim() is { Length: > 0 } actor ? actor : Default;
}
