using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Feeds;
using BusFlow.Notifications.Calendars;
using BusFlow.Notifications.Delivery;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Host.Tests.Feeds;

/// <summary>What the BUS puts in a feed, read from a database written by the test.</summary>
public sealed class BusCalendarFeedSourceTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 8, 0);

    private readonly BusCalendarFeedSource _source = new(new MailOptions { LinkBaseUrl = "https://busflow.exempelby.test" });
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.Create();
    private IWorkflowStore? _store;

    private IWorkflowStore Store => _store!;

    public async Task InitializeAsync()
    {
        _store = await _database.CreateStoreAsync();
        await using var session = await Store.BeginAsync(default);
        var records = session.Facet<IBusRecords>();
        records.Add(new Organization { Id = "exempelby", Name = "Exempelby kommun" });
        records.Add(new Board { Id = "sn", OrganizationId = "exempelby", Code = "SN", Name = "Socialnämnden" });
        records.Add(new Person { Id = "old", Name = "Gammal Sekreterare", Email = "old@exempelby.test" });
        records.Add(new Person { Id = "new", Name = "Ny Sekreterare", Email = "new@exempelby.test" });
        // The old secretary's end was never recorded: from 1 June the new one holds the seat.
        records.Add(new RoleAssignment { Id = Guid.NewGuid(), PersonId = "old", Role = RoleKind.Secretary, BoardId = "sn", From = new LocalDate(2023, 1, 1) });
        records.Add(new RoleAssignment { Id = Guid.NewGuid(), PersonId = "new", Role = RoleKind.Secretary, BoardId = "sn", From = new LocalDate(2026, 6, 1) });
        records.Add(new BoardMeeting { Id = Guid.NewGuid(), BoardId = "sn", Date = new LocalDate(2026, 5, 12) });
        records.Add(new BoardMeeting { Id = Guid.NewGuid(), BoardId = "sn", Date = new LocalDate(2026, 6, 9) });

        var definition = new PublishedDefinition
        {
            DefinitionId = "deadline",
            Version = 1,
            Name = "Tidsfrist",
            Json = "{}",
            ContentHash = "sha256:test",
            SourceFile = "deadline.json",
            PublishedAt = Now,
        };
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid(),
            DefinitionId = "deadline",
            DefinitionVersion = 1,
            Status = InstanceStatus.Waiting,
            InputJson = "{}",
            StateJson = "{}",
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        session.Add(definition);
        session.Add(instance);
        foreach (var (title, due, status) in new (string, LocalDate?, HumanTaskStatus)[]
        {
            ("Öppen med datum", new LocalDate(2026, 3, 20), HumanTaskStatus.Open),
            ("Besvarad", new LocalDate(2026, 3, 13), HumanTaskStatus.Completed),
            ("Öppen utan datum", null, HumanTaskStatus.Open),
        })
        {
            var task = FeedSamples.Task(title, due, status, instance.Id);
            task.Assignee = "old@exempelby.test";
            task.CreatedAt = Now;
            // Not the social board's: its role's scope only begins like "sn".
            task.Role = "sn-annan/Secretary";
            session.Add(task);
        }
        await session.CommitAsync(default);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_secretary_replaced_without_an_end_date_loses_the_meetings_from_the_day_the_new_one_starts()
    {
        Assert.Equal([new LocalDate(2026, 5, 12)], MeetingDays(await EntriesAsync("person:old@exempelby.test")));
        Assert.Equal([new LocalDate(2026, 6, 9)], MeetingDays(await EntriesAsync("person:new@exempelby.test")));
        Assert.Equal([new LocalDate(2026, 5, 12), new LocalDate(2026, 6, 9)], MeetingDays(await EntriesAsync("board:sn")));
    }

    [Fact]
    public async Task Only_open_tasks_with_a_due_date_become_deadlines()
    {
        var deadlines = (await EntriesAsync("person:OLD@exempelby.test")).OfType<DeadlineEntry>().ToList();

        var deadline = Assert.Single(deadlines);
        Assert.Equal("Sista dag: Öppen med datum", deadline.Summary);
        Assert.StartsWith("https://busflow.exempelby.test/api/tasks/", deadline.Url?.ToString(), StringComparison.Ordinal);
        Assert.Empty((await EntriesAsync("board:sn")).OfType<DeadlineEntry>());
    }

    [Fact]
    public async Task Subjects_that_name_nothing_known_are_not_described_and_have_no_entries()
    {
        await using var session = await Store.BeginAsync(default);

        Assert.Equal(new CalendarFeedSubject("Socialnämnden – sammanträden och tidsfrister"), await _source.DescribeAsync(session, "board:sn", default));
        Assert.Equal("old@exempelby.test", (await _source.DescribeAsync(session, "person:old@exempelby.test", default))?.Email);
        foreach (var unknown in new[] { "board:bun", "person:ingen@exempelby.test", "sn", "" })
        {
            Assert.Null(await _source.DescribeAsync(session, unknown, default));
            Assert.Empty(await _source.ListEntriesAsync(session, unknown, Now, default));
        }
    }

    private async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(string subject)
    {
        await using var session = await Store.BeginAsync(default);
        return await _source.ListEntriesAsync(session, subject, Now, default);
    }

    private static List<LocalDate> MeetingDays(IEnumerable<CalendarEntry> entries) =>
        [.. entries.OfType<MeetingEntry>().Select(m => m.Start.Date)];
}
