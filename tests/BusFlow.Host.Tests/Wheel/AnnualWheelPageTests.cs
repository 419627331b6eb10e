using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BusFlow.Bus.Cycles;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using UglyToad.PdfPig;

namespace BusFlow.Host.Tests.Wheel;

/// <summary>The demo agreement's annual wheel: on its page, as SVG and as PDF, read back as a reader would check it.</summary>
public sealed partial class AnnualWheelPageTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private const string Path = $"/overenskommelser/{DemoMunicipality.AgreementId}/arshjul";

    [Fact]
    public async Task Every_board_meeting_of_2027_is_on_the_svg_at_the_angle_of_its_date()
    {
        using var response = await Reader.GetAsync($"{Path}.svg?ar=2027");
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var marks = WheelMark.Read(svg);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WheelMark.Svg + "svg", svg.Root!.Name);
        Assert.Equal("0 0 1320 1000", (string?)svg.Root.Attribute("viewBox"));
        Assert.Equal("img", (string?)svg.Root.Attribute("role"));
        Assert.Equal("Årshjul 2027: Samverkansöverenskommelse BUS 2023–2026", svg.Root.Element(WheelMark.Svg + "title")?.Value);
        Assert.Equal(12, svg.Descendants(WheelMark.Svg + "path").Count(p => p.Attribute("data-month") is not null));
        var meetings = await MeetingsAsync(2027);
        Assert.True(meetings.Count > 30, $"the demo's boards have {meetings.Count} meetings in 2027");
        foreach (var (board, date) in meetings)
        {
            var mark = Assert.Single(marks, m => m.Kind == "BoardMeeting" && m.Owner == board && m.Date == date);
            Assert.InRange(mark.Angle, WheelMark.ExpectedAngle(date) - 0.5, WheelMark.ExpectedAngle(date) + 0.5);
            Assert.StartsWith(date.ToString("d MMMM yyyy", new System.Globalization.CultureInfo("sv-SE")), mark.Title, StringComparison.Ordinal);
        }

        Assert.Equal(meetings.Count, marks.Count(m => m.Kind == "BoardMeeting"));
    }

    [Fact]
    public async Task The_2026_wheel_holds_the_spring_and_autumn_meetings_the_renewal_and_the_election_where_their_dates_are()
    {
        var cycle = AnnualWheel.For(2026, host.Host.Services.GetRequiredService<IWorkingDayCalendar>());

        var marks = WheelMark.Read(XDocument.Parse(await Reader.GetStringAsync($"{Path}.svg?ar=2026")));

        Assert.Equal([cycle.SpringMeeting, cycle.AutumnMeeting], marks.Where(m => m.Kind == "CollaborationMeeting").Select(m => m.Date));
        var election = Assert.Single(marks, m => m.Kind == "Election");
        Assert.Equal(new LocalDate(2026, 9, 13), election.Date);
        Assert.InRange(election.Angle, WheelMark.ExpectedAngle(election.Date) - 0.5, WheelMark.ExpectedAngle(election.Date) + 0.5);
        var renewal = Assert.Single(marks, m => m.Kind == "Renewal");
        Assert.Equal((new LocalDate(2026, 4, 1), (LocalDate?)new LocalDate(2026, 12, 31)), (renewal.Date, renewal.End));
        Assert.Contains(marks, m => m.Kind == "DecisionRound" && m.End == cycle.DecisionDeadline);
        Assert.All(marks.Where(m => m.Kind is "CollaborationMeeting" or "Deadline"),
            m => Assert.InRange(m.Angle, WheelMark.ExpectedAngle(m.Date) - 0.5, WheelMark.ExpectedAngle(m.Date) + 0.5));
    }

    [Fact]
    public async Task The_page_shows_the_wheel_and_a_table_of_the_same_entries_with_the_years_around_and_the_downloads()
    {
        using var response = await Reader.GetAsync($"{Path}?ar=2027");
        var html = await response.Content.ReadAsStringAsync();
        var text = await PageText.OfAsync(response);
        var marks = WheelMark.Read(XDocument.Parse(await Reader.GetStringAsync($"{Path}.svg?ar=2027")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<svg viewBox=\"0 0 1320 1000\"", html, StringComparison.Ordinal);
        var rows = Rows().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(marks.Select(m => (m.Kind, m.Date.ToString("yyyy-MM-dd", null))).Order(), rows.Order());
        Assert.Contains("Årshjulet 2027 som tabell Datum Vad Vems", text, StringComparison.Ordinal);
        Assert.Contains("20 januari 2027 Sammanträde 08:30 BUN", text, StringComparison.Ordinal);
        Assert.Contains("Föregående år (2026) Nästa år (2028)", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Path}.svg?ar=2027\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Path}.pdf?ar=2027&amp;papper=a3\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Path}?ar=2028\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_year_the_page_shows_this_year_in_stockholm_and_the_agreement_page_links_to_it()
    {
        var wheel = await PageText.OfAsync(await Reader.GetAsync(Path));
        var agreement = await Reader.GetStringAsync($"/overenskommelser/{DemoMunicipality.AgreementId}");

        Assert.Contains("Årshjul 2026 Samverkansöverenskommelse BUS 2023–2026", wheel, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Path}\">Årshjul</a>", agreement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".svg")]
    [InlineData(".pdf")]
    public async Task A_year_that_is_not_one_is_refused_with_a_message_naming_the_field(string suffix)
    {
        using var response = await Reader.GetAsync($"{Path}{suffix}?ar=tjugotjugosju");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Året (ar) ska vara ett år från 1995 till 2200, till exempel 2027.", await PageText.OfAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "a4", 842, 595)]
    [InlineData("&papper=a3", "a3", 1191, 842)]
    public async Task The_pdf_is_one_landscape_page_with_the_wheels_words(string paper, string name, int width, int height)
    {
        using var response = await Reader.GetAsync($"{Path}.pdf?ar=2027{paper}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"arshjul-{DemoMunicipality.AgreementId}-2027-{name}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        using var pdf = PdfDocument.Open(bytes);
        var page = Assert.Single(pdf.GetPages());
        Assert.Equal((width, height), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
        var words = page.GetWords().Select(w => w.Text).ToList();
        Assert.Contains("Teckenförklaring", words);
        Assert.Contains("januari", words);
        Assert.Contains("2027", words);
    }

    /// <summary>The shared viewer: it only reads, and never switches language (that would stay in its cookie).</summary>
    private HttpClient Reader => host.Callers[Caller.Viewer].Http;

    private async Task<IReadOnlyList<(string Board, LocalDate Date)>> MeetingsAsync(int year)
    {
        await using var session = await host.Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        var records = session.Facet<IBusRecords>();
        var agreement = (await records.FindAgreementAsync(DemoMunicipality.AgreementId, default))!;
        var meetings = new List<(string, LocalDate)>();
        foreach (var board in agreement.PartyBoardIds)
        {
            meetings.AddRange((await records.ListMeetingsAsync(board, new LocalDate(year, 1, 1), new LocalDate(year, 12, 31), default)).Select(m => (board, m.Date)));
        }

        return meetings;
    }

    [GeneratedRegex("<tr data-kind=\"([A-Za-z]+)\" data-date=\"([0-9-]+)\">")]
    private static partial Regex Rows();
}
