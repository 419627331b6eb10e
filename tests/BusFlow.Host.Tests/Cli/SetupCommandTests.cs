using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Cli;

/// <summary>`busflow import` and `busflow export` on a configured database.</summary>
public sealed class SetupCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"busflow-setup-{Guid.NewGuid():N}");
    private SqliteTestDatabase _database = null!;

    private Dictionary<string, string?> Settings => new()
    {
        ["BusFlow:Storage:Provider"] = _database.Provider,
        ["BusFlow:Storage:ConnectionString"] = _database.ConnectionString,
    };

    /// <summary>A board whose plan lies next year, so that it is ahead of the real clock whenever the test runs.</summary>
    private static string Setup(string place) => $$"""
        organizations:
          - { id: lillby, name: Lillby kommun }
        boards:
          - id: lillby-sn
            organization: lillby
            code: SN
            name: Socialnämnden
            meetingPlans:
              - year: {{DateTime.UtcNow.Year + 1}}
                meetings:
                  - { date: {{DateTime.UtcNow.Year + 1}}-03-10, time: "13:00", place: {{place}} }

        """;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = SqliteTestDatabase.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Import_prints_what_it_added_then_what_changed_then_nothing_changed_and_an_export_imports_as_nothing_changed()
    {
        var file = Path.Combine(_folder, "lillby.yaml");
        await File.WriteAllTextAsync(file, Setup("Stadshuset"));
        var first = await CliRun.RunAsync(["import", file], Settings);
        await File.WriteAllTextAsync(file, Setup("Kommunhuset"));
        var second = await CliRun.RunAsync(["import", file], Settings);
        var third = await CliRun.RunAsync(["import", file], Settings);
        var exported = Path.Combine(_folder, "export.json");
        var export = await CliRun.RunAsync(["export", "--output", exported], Settings);
        var reimport = await CliRun.RunAsync(["import", exported], Settings);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(["+ organization lillby \"Lillby kommun\"", "+ board lillby-sn SN \"Socialnämnden\"", $"+ meeting of lillby-sn on {DateTime.UtcNow.Year + 1}-03-10 at 13:00, Stadshuset", $"3 change(s) imported from {file}."], first.OutputLines);
        Assert.Equal([$"~ meeting of lillby-sn on {DateTime.UtcNow.Year + 1}-03-10: place \"Stadshuset\" → \"Kommunhuset\"", $"1 change(s) imported from {file}."], second.OutputLines);
        Assert.Equal(["nothing changed"], third.OutputLines);
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.StartsWith("{", await File.ReadAllTextAsync(exported), StringComparison.Ordinal);
        Assert.Equal(["nothing changed"], reimport.OutputLines);
    }

    [Fact]
    public async Task A_file_with_mistakes_exits_with_1_lists_each_by_line_and_saves_nothing()
    {
        var file = Path.Combine(_folder, "broken.yaml");
        await File.WriteAllTextAsync(file, Setup("Stadshuset") + "  - id: lillby-bun\n    organization: lillby\n    code: SN\n    name: Barn- och ungdomsnämnden\n");

        var run = await CliRun.RunAsync(["import", file], Settings);
        var export = await CliRun.RunAsync(["export"], Settings);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"{file}:14: boards[1].code: duplicate code \"SN\"", $"busflow: 1 problem(s) in {file}; nothing was saved."], run.ErrorLines);
        Assert.Equal("", export.Output);
    }

    [Fact]
    public async Task An_imported_agreement_in_force_runs_its_cycles_from_the_import_on_and_a_second_import_starts_nothing_twice()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["BusFlow:Workflows:Folder"] = Path.Combine(RepositoryRoot.Path, "workflows") };
        // A database a host has run on: the demo seeded and the BUS workflows published.
        Assert.Equal(0, (await CliRun.RunAsync(["seed", "demo"], settings)).ExitCode);
        var file = Path.Combine(_folder, "lillby.yaml");
        var year = DateTime.UtcNow.Year;
        await File.WriteAllTextAsync(file, Setup("Stadshuset") + $$"""
            bodies:
              - { id: lillby-lg, organization: lillby, name: BUS ledningsgrupp, kind: managementGroup }
            agreements:
              - id: lillby-bus
                organization: lillby
                body: lillby-lg
                title: BUS Lillby
                validFrom: {{year}}-01-01
                validUntil: {{year + 3}}-12-31
                parties:
                  - { board: lillby-sn }

            """);

        var first = await CliRun.RunAsync(["import", file], settings);
        var second = await CliRun.RunAsync(["import", file], settings);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("Started 2 workflow instance(s) for the agreements in force.", first.OutputLines[^1]);
        Assert.Equal(["nothing changed"], second.OutputLines);
    }
}
