namespace BusFlow.Host.Pages;

/// <summary>
/// How many requests the link pages (/t/…, /unsubscribe/…) take per minute: from one client
/// (BusFlow:Links:RequestsPerMinute), and for one link or code whatever client presents it
/// (BusFlow:Links:RequestsPerLinkPerMinute).
/// </summary>
public sealed record LinkRequestLimits(int PerClientPerMinute, int PerLinkPerMinute);
