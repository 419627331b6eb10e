using BusFlow.Host.Security;
using Microsoft.AspNetCore.Http;

namespace BusFlow.Host.Tests.Security;

public sealed class SecretPathsTests
{
    [Theory]
    [InlineData("/t/SGxgB1ANQP2PAcUeGyGjXg", "/t/[redacted]")]
    [InlineData("/t/SGxgB1ANQP2PAcUeGyGjXg/bekrafta", "/t/[redacted]/bekrafta")]
    [InlineData("/T/SGxgB1ANQP2PAcUeGyGjXg", "/T/[redacted]")]
    [InlineData("/unsubscribe/VW5zdWJzY3JpYmVTZWNyZXQ", "/unsubscribe/[redacted]")]
    [InlineData("/avvikelse/QXZ2aWtlbHNlU2VjcmV0MQ", "/avvikelse/[redacted]")]
    [InlineData("/feeds/OXgACqf2N9qcyQAfnI2LFA.ics", "/feeds/[redacted].ics")]
    [InlineData("/feeds/OXgACqf2N9qcyQAfnI2LFA", "/feeds/[redacted]")]
    public void A_secret_in_a_link_path_is_redacted(string path, string logged) =>
        Assert.Equal(logged, SecretPaths.Redact(new PathString(path)));

    [Theory]
    [InlineData("/t/kod")]
    [InlineData("/t/kod/svar")]
    [InlineData("/t/kod/bekrafta")]
    [InlineData("/api/feeds")]
    [InlineData("/api/tasks/0193a6f2-7c1e-7000-8000-000000000001/complete")]
    [InlineData("/health")]
    [InlineData("/overenskommelser/bus-2023-2026/avvikelse")]
    [InlineData("/")]
    [InlineData("")]
    public void A_path_without_a_secret_is_logged_as_it_is(string path) =>
        Assert.Equal(path, SecretPaths.Redact(new PathString(path)));
}
