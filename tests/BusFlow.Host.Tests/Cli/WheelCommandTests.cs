using System.Xml.Linq;
using BusFlow.Host.Tests.Support;
using BusFlow.Host.Tests.Wheel;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Cli;

/// <summary>`busflow arshjul` writes an agreement's annual wheel from the configured database, as the page draws it.</summary>
public sealed class WheelCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("busflow-wheel-").FullName;
    private TestDatabase _database = null!;
    private Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _settings = new Dictionary<string, string?>
        {
            ["BusFlow:Storage:Provider"] = _database.Provider,
            ["BusFlow:Storage:ConnectionString"] = _database.ConnectionString,
            ["BusFlow:Workflows:Folder"] = Path.Combine(RepositoryRoot.Path, "workflows"),
        };
        Assert.Equal(0, (await CliRun.RunAsync(["seed", "demo"], _settings)).ExitCode);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Arshjul_writes_the_years_wheel_as_svg_with_every_board_meeting_on_it()
    {
        var file = Path.Combine(_folder, "wheel.svg");

        var run = await CliRun.RunAsync(["arshjul", "--agreement", "bus-2023-2026", "--year", "2027", "--output", file], _settings);

        Assert.True(run.ExitCode == 0, run.Error);
        var svg = XDocument.Load(file);
        Assert.Equal("Årshjul 2027: Samverkansöverenskommelse BUS 2023–2026", svg.Root!.Element(WheelMark.Svg + "title")?.Value);
        var meetings = WheelMark.Read(svg).Where(m => m.Kind == "BoardMeeting").ToList();
        Assert.Equal(["bun", "kun", "sn"], meetings.Select(m => m.Owner).Distinct().Order(StringComparer.Ordinal));
        Assert.All(meetings, m => Assert.Equal(2027, m.Date.Year));
        Assert.StartsWith($"Wrote the annual wheel 2027 of bus-2023-2026 ({WheelMark.Read(svg).Count} entries) to {file}.", run.OutputLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arshjul_writes_a_pdf_in_english_when_the_file_ends_in_pdf()
    {
        var file = Path.Combine(_folder, "wheel.pdf");

        var run = await CliRun.RunAsync(["arshjul", "--agreement", "bus-2023-2026", "--year", "2026", "--output", file, "--language", "en", "--paper", "a3"], _settings);

        Assert.True(run.ExitCode == 0, run.Error);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(file);
        var page = Assert.Single(pdf.GetPages());
        Assert.Equal(1191, (int)Math.Round(page.Width));
        Assert.Contains("Legend", page.GetWords().Select(w => w.Text));
    }

    [Fact]
    public async Task An_unknown_agreement_is_told_on_standard_error_and_no_file_is_written()
    {
        var file = Path.Combine(_folder, "nothing.svg");

        var run = await CliRun.RunAsync(["arshjul", "--agreement", "bus-1999", "--year", "2027", "--output", file], _settings);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("busflow: there is no agreement 'bus-1999' (busflow export lists the agreements); nothing was written.", run.ErrorLines[0]);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_year_out_of_range_is_refused_before_anything_is_read()
    {
        var file = Path.Combine(_folder, "nothing.svg");

        var run = await CliRun.RunAsync(["arshjul", "--agreement", "bus-2023-2026", "--year", "20270", "--output", file], _settings);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--year must be a year from 1995 to 2200.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
