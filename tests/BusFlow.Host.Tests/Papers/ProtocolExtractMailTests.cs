using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Delivery;
using BusFlow.Testing;
using BusFlow.Testing.Mail;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Papers;

/// <summary>
/// The demo's renewal on a pinned clock moved by hand, mailing through a real SMTP server (aiosmtpd):
/// each board's secretary gives the registration number, records the board's approval after its
/// meeting, and every recipient of the agreement receives each board's protocol extract as a DOCX.
/// </summary>
public sealed class ProtocolExtractMailTests : IAsyncLifetime
{
    private static readonly string[] Recipients = [DemoMunicipality.SocialBoardId, DemoMunicipality.ChildrenAndYouthBoardId, DemoMunicipality.CultureAndEducationBoardId, "ks"];

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 16, 9, 0));
    private AiosmtpdServer? _smtp;
    private TestDatabase? _database;
    private RunningHost? _host;

    private RunningHost Host => _host!;

    public async Task InitializeAsync()
    {
        _smtp = await AiosmtpdServer.StartAsync();
        _database = SqliteTestDatabase.Create();
        _host = await RunningHost.StartAsync(_database, Path.Combine(RepositoryRoot.Path, "workflows"), new Dictionary<string, string?>
        {
            ["BusFlow:Demo:SeedOnFirstStart"] = "true",
            ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
            ["BusFlow:Mail:Mode"] = MailOptions.SmtpMode,
            ["BusFlow:Mail:Host"] = "127.0.0.1",
            ["BusFlow:Mail:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["BusFlow:Mail:Security"] = "None",
            // Delivered when the test says so, not by the recurring job; no reminder sweep while the clock jumps.
            ["BusFlow:Mail:DeliveryCron"] = "0 0 31 2 *",
            ["BusFlow:Mail:DeliverAfterCommit"] = "false",
            ["BusFlow:Jobs:SchedulePollingInterval"] = "01:00:00",
            ["BusFlow:Jobs:SweepCron"] = "0 0 1 1 *",
        }, _clock);
    }

    public async Task DisposeAsync()
    {
        await HostTeardown.DisposeAsync(_host, _database, workflows: null);
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_recipient_of_the_agreement_receives_each_boards_protocol_extract_by_mail()
    {
        var draft = Assert.Single(await OpenTasksAsync(), t => t.ActivityId == "prepareDraft");
        await CompleteAsync(draft, new { outcome = "ready" });
        await RegistrationNumbers.GiveAllAsync(Host);

        var decisions = (await OpenTasksAsync()).Where(t => t.ActivityId == "recordDecision").OrderBy(t => (string?)t.Data!["meetingDate"], StringComparer.Ordinal).ToList();
        Assert.Equal(3, decisions.Count);
        var paragraphs = new Dictionary<string, string>();
        foreach (var (decision, number) in decisions.Select((d, i) => (d, i + 40)))
        {
            var meeting = LocalDate.FromDateTime(DateTime.Parse((string)decision.Data!["meetingDate"]!, CultureInfo.InvariantCulture));
            _clock.Reset(meeting.At(new LocalTime(19, 0)).InZoneStrictly(BusHarnessZone).ToInstant());
            var paragraph = paragraphs[(string)decision.Data["board"]!] = $"§ {number}";
            await CompleteAsync(decision, new { outcome = "approve", data = new JsonObject { ["decisionDate"] = meeting.ToString("yyyy-MM-dd", null), ["paragraph"] = paragraph } });
        }

        _clock.Reset(_clock.GetCurrentInstant().Plus(Duration.FromDays(3)).InZone(BusHarnessZone).Date.At(new LocalTime(10, 0)).InZoneStrictly(BusHarnessZone).ToInstant());
        while ((await Host.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync()).Sent > 0)
        {
        }

        var extracts = _smtp!.Received().Where(m => m.Subject?.StartsWith("Protokollsutdrag", StringComparison.Ordinal) == true).ToList();
        var registrars = await RegistrarsAsync();
        Assert.Equal(registrars.Order(StringComparer.Ordinal), extracts.Select(m => m.To.Mailboxes.Single().Address).Distinct().Order(StringComparer.Ordinal));
        foreach (var registrar in registrars)
        {
            var received = extracts.Where(m => m.To.Mailboxes.Single().Address == registrar).ToList();
            Assert.Equal(3, received.Count);
            foreach (var (board, paragraph) in paragraphs)
            {
                var boardName = (await BoardAsync(board)).Name;
                var mail = Assert.Single(received, m => m.Subject!.Contains(boardName, StringComparison.Ordinal));
                var attachment = Assert.Single(mail.Attachments.OfType<MimePart>());
                Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", attachment.ContentType.MimeType);
                Assert.StartsWith("Protokollsutdrag " + boardName, attachment.FileName, StringComparison.Ordinal);
                var text = TextOf(attachment);
                Assert.Contains($"Paragraf: {paragraph}", text, StringComparison.Ordinal);
                Assert.Contains($"Diarienummer: {RegistrationNumbers.Of(board)}", text, StringComparison.Ordinal);
                Assert.Contains("Nämnden beslutar att bifalla förslaget.", text, StringComparison.Ordinal);
                Assert.Contains("Justerat av: ", text, StringComparison.Ordinal);
                Assert.Contains("Kommunstyrelsen", text, StringComparison.Ordinal);
            }
        }
    }

    private static DateTimeZone BusHarnessZone => DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    private static string TextOf(MimePart attachment)
    {
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        content.Position = 0;
        using var document = WordprocessingDocument.Open(content, false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    private async Task<List<string>> RegistrarsAsync()
    {
        var today = _clock.GetCurrentInstant().InZone(BusHarnessZone).Date;
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        var records = session.Facet<IBusRecords>();
        var addresses = new List<string>();
        foreach (var board in Recipients)
        {
            addresses.Add((await records.FindRoleHolderAsync(RoleKind.Secretary, board, today, CancellationToken.None))!.Email);
        }

        return addresses;
    }

    private async Task<Board> BoardAsync(string id)
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        return (await session.Facet<IBusRecords>().FindBoardAsync(id, CancellationToken.None))!;
    }

    private async Task<List<TaskResponse>> OpenTasksAsync() =>
        (await Host.Client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks?status=open&take=500", RunningHost.Json))!;

    private async Task CompleteAsync(TaskResponse task, object answer)
    {
        using var assignee = await Host.ClientForAsync(task.Assignee, []);
        using var response = await assignee.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", answer);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
