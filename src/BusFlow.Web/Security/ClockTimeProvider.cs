using NodaTime;

namespace BusFlow.Web.Security;

/// <summary>
/// BusFlow's clock as the TimeProvider ASP.NET Core's session cookie and security-stamp check ask, so a
/// session's idle and absolute expiry run on the same (in tests, virtual) time as everything else.
/// </summary>
internal sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}
