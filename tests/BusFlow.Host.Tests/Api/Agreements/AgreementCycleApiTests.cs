using System.Net;
using System.Net.Http.Json;
using BusFlow.Bus.Cycles;
using BusFlow.Bus.Demo;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Agreements;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api.Agreements;

/// <summary>An administrator stops an agreement's cycles with a reason, sees nothing of it run, and starts them again.</summary>
public sealed class AgreementCycleApiTests : IAsyncLifetime
{
    private const string Agreement = DemoMunicipality.AgreementId;

    private DemoHost? _demo;

    private HttpClient Client => _demo!.Host.Client;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task Stopping_cancels_every_running_instance_with_the_reason_and_starting_again_runs_the_cycles_anew()
    {
        var before = await AgreementAsync();
        Assert.True(before.CyclesRun);
        var running = before.Instances.Where(i => i.Status is InstanceStatus.Running or InstanceStatus.Waiting).ToList();
        // In late November 2026 the last year's meetings are past: the renewal is what still waits.
        Assert.Contains(running, i => i.DefinitionId == AgreementCycles.RenewalWorkflow);

        using var stop = await Client.PostAsJsonAsync($"/api/agreements/{Agreement}/cycles/stop", new { reason = "Överenskommelsen ersätts av en regional" });
        var stopped = await stop.ReadAsync<CycleCommandResponse>();
        var after = await AgreementAsync();
        using var journal = await Client.GetAsync($"/api/instances/{running[0].Id}/journal");
        using var stopAgain = await Client.PostAsJsonAsync($"/api/agreements/{Agreement}/cycles/stop", new { reason = "igen" });
        using var start = await Client.PostAsync($"/api/agreements/{Agreement}/cycles/start", null);
        var started = await start.ReadAsync<CycleCommandResponse>();
        var restarted = await AgreementAsync();
        using var startAgain = await Client.PostAsync($"/api/agreements/{Agreement}/cycles/start", null);

        Assert.Equal((HttpStatusCode.OK, CycleCommandOutcome.Stopped, running.Count), (stop.StatusCode, stopped.Outcome, stopped.Instances));
        Assert.False(after.CyclesRun);
        Assert.All(after.Instances, i => Assert.True(i.Status is InstanceStatus.Completed or InstanceStatus.Cancelled, $"{i.DefinitionId} is {i.Status}"));
        Assert.Contains("Överenskommelsen ersätts av en regional", await journal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Problems.AssertAsync(stopAgain, HttpStatusCode.Conflict, "Nothing of");
        Assert.Equal((HttpStatusCode.OK, CycleCommandOutcome.Started, 2), (start.StatusCode, started.Outcome, started.Instances));
        Assert.True(restarted.CyclesRun);
        Assert.Contains(restarted.Instances, i => i.CorrelationKey == $"{AgreementCycles.RenewalKey(Agreement)}-2" && i.Status == InstanceStatus.Waiting);
        await Problems.AssertAsync(startAgain, HttpStatusCode.Conflict, "run already");
    }

    [Fact]
    public async Task A_stop_without_a_reason_is_refused_naming_the_field_and_stops_nothing()
    {
        using var stop = await Client.PostAsJsonAsync($"/api/agreements/{Agreement}/cycles/stop", new { reason = "  " });

        var problem = await Problems.AssertAsync(stop, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("$.reason", problem.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.True((await AgreementAsync()).CyclesRun);
    }

    [Fact]
    public async Task An_unknown_agreement_is_a_404_problem_for_reading_starting_and_stopping()
    {
        using var read = await Client.GetAsync("/api/agreements/no-such-agreement");
        using var start = await Client.PostAsync("/api/agreements/no-such-agreement/cycles/start", null);
        using var stop = await Client.PostAsJsonAsync("/api/agreements/no-such-agreement/cycles/stop", new { reason = "x" });

        foreach (var response in new[] { read, start, stop })
        {
            await Problems.AssertAsync(response, HttpStatusCode.NotFound, "no-such-agreement");
        }
    }

    [Fact]
    public async Task The_list_shows_the_demo_agreement_with_its_period_status_and_parties()
    {
        var agreements = await Client.GetFromJsonAsync<List<AgreementResponse>>("/api/agreements", RunningHost.Json);

        var demo = Assert.Single(agreements!, a => a.Id == Agreement);
        Assert.Equal(BusFlow.Bus.Model.AgreementStatus.Active, demo.Status);
        Assert.Contains(DemoMunicipality.SocialBoardId, demo.PartyBoardIds);
        Assert.Contains(demo.Parties, p => p.BoardId == DemoMunicipality.SocialBoardId && p.Involvement == BusFlow.Bus.Model.PartyInvolvement.Decides);
        Assert.Equal((DemoMunicipality.ManagementGroupId, BusFlow.Bus.Model.AgreementCycleShape.SpringAndAutumn), (demo.BodyId, demo.Cycle));
        Assert.True(demo.ValidFrom < demo.ValidUntil);
    }

    private async Task<AgreementResponse> AgreementAsync() =>
        (await Client.GetFromJsonAsync<AgreementResponse>($"/api/agreements/{Agreement}", RunningHost.Json))!;
}
