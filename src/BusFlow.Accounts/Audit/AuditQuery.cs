using NodaTime;

namespace BusFlow.Accounts.Audit;

public sealed record AuditQuery(string? Actor = null, string? Action = null, Instant? From = null, Instant? Until = null, int Take = 200);
