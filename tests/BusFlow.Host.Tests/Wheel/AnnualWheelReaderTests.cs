using System.Net;
using BusFlow.Accounts;
using BusFlow.Bus.Demo;
using BusFlow.Host.Tests.Support;
using BusFlow.Host.Tests.Web;

namespace BusFlow.Host.Tests.Wheel;

/// <summary>Who reads the wheel in which language: on a host of their own, since a language chosen stays in the reader's cookie.</summary>
public sealed class AnnualWheelReaderTests : IAsyncLifetime
{
    private const string Path = $"/overenskommelser/{DemoMunicipality.AgreementId}/arshjul";

    private DemoHost? _demo;

    private RunningHost Host => _demo!.Host;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task In_english_the_wheel_and_its_table_are_worded_in_english()
    {
        using var reader = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);

        var text = await PageText.OfAsync(await reader.Http.GetAsync($"{Path}?ar=2026&lang=en"));
        var svg = await reader.Http.GetStringAsync($"{Path}.svg?ar=2026");

        Assert.Contains("Annual wheel 2026", text, StringComparison.Ordinal);
        Assert.Contains("13 September 2026 General election Everyone", text, StringComparison.Ordinal);
        Assert.Contains(">January</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Legend</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_agreement_and_one_the_reader_does_not_see_are_not_found()
    {
        using var outsider = await TestSessions.SignedInAsync(Host, "secretary.elsewhere@busflow.test", [AccountRoles.Secretary], totp: false);
        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);

        var seen = await viewer.Http.GetAsync($"{Path}?ar=2027");
        var unknown = await viewer.Http.GetAsync("/overenskommelser/no-such-agreement/arshjul.svg?ar=2027");
        var unseen = await outsider.Http.GetAsync($"{Path}?ar=2027");
        var unseenFile = await outsider.Http.GetAsync($"{Path}.pdf?ar=2027");

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (seen.StatusCode, unknown.StatusCode, unseen.StatusCode, unseenFile.StatusCode));
    }
}
