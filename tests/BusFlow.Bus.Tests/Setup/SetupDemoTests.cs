using BusFlow.Bus.Demo;
using BusFlow.Bus.Setup;
using NodaTime;

namespace BusFlow.Bus.Tests.Setup;

/// <summary>The demo municipality fits the setup format: its export imports into an empty database as the same records.</summary>
public sealed class SetupDemoTests
{
    /// <summary>Before the demo's meeting plans start (2026), so that none of its meetings is in the past.</summary>
    private static readonly LocalDate BeforeTheDemo = new(2025, 12, 1);

    [Fact]
    public async Task The_demo_exports_as_a_setup_file_that_imports_into_an_empty_database_as_the_same_records()
    {
        await using var demo = await SetupStore.CreateAsync();
        await demo.SeedDemoAsync();
        var yaml = SetupWriter.ToYaml(await demo.ExportAsync());

        await using var copy = await SetupStore.CreateAsync();
        var imported = await copy.ImportAsync("exempelby.yaml", yaml, BeforeTheDemo);

        Assert.True(imported.Succeeded, string.Join(Environment.NewLine, imported.Problems.Take(5)));
        Assert.Equal(yaml, SetupWriter.ToYaml(await copy.ExportAsync()));
        Assert.Empty((await demo.ImportAsync("exempelby.yaml", yaml, BeforeTheDemo)).Changes);
        var agreement = await copy.ReadAsync(records => records.FindAgreementAsync(DemoMunicipality.AgreementId, default));
        Assert.Equal(DemoMunicipality.ManagementGroupId, agreement!.BodyId);
        Assert.Equal(DemoMunicipality.PartyBoardIds, agreement.PartyBoardIds);
    }
}
