using System.Text.RegularExpressions;
using BusFlow.Bus.Shortcomings;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Simulation;
using BusFlow.Engine.Time;
using BusFlow.Notifications.Links;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

public sealed partial class ShortcomingWorkflowTests : IAsyncLifetime
{
    private const string WhatHappened = "Skolan och socialtjänsten kallade till var sitt möte om samma elev; ingen samordnad individuell plan gjordes.";
    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 12, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_shortcoming_reported_by_the_link_in_a_task_mail_is_assessed_remedied_and_closed_and_listed_when_the_spring_review_is_compiled()
    {
        var review = await _bus.StartAsync("spring-review", CycleInputs.Spring(2026));
        var mail = (await _bus.OutboxAsync()).First(m => ReportLink().IsMatch(m.TextBody));
        Assert.Contains(ReportLink().Match(mail.TextBody).Value, mail.HtmlBody, StringComparison.Ordinal);
        var link = await _bus.Services.GetRequiredService<ShortcomingLinks>().OpenAsync(ReportLink().Match(mail.TextBody).Groups["secret"].Value, default);
        Assert.Equal(new ShortcomingLink(CycleInputs.Agreement, mail.To), link);

        var reported = await _bus.Services.GetRequiredService<ShortcomingRegistry>().ReportAsync(
            link!.AgreementId, new ShortcomingDraft(WhatHappened, "2026-01-08", "kun", "Serious", "070-123 45 67"), link.Reporter, link.Reporter, default);
        Assert.Empty(reported.Errors);

        await _bus.RunUntilAsync(new LocalDateTime(2026, 6, 1, 0, 0), new CoordinatorResponder(new BoardResponder(_bus.Calendar, BusHarness.Stockholm), _bus.Calendar));

        var instance = await _bus.InstanceAsync(reported.InstanceId!.Value);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var steps = (await _bus.AllTasksAsync()).Where(t => t.InstanceId == instance.Id).ToList();
        Assert.Equal(["assess", "remedy", "close"], steps.Select(t => t.ActivityId));
        Assert.Single(steps.Select(t => t.Assignee).Distinct());
        var journal = await _bus.JournalAsync(instance.Id);
        Assert.True(journal.Count >= 6, "each step is journaled");

        var listed = await _bus.ReadAsync((s, _) => ShortcomingReader.ListAsync(s, CycleInputs.Agreement, since: null, default));
        var shortcoming = Assert.Single(listed);
        Assert.Equal(ShortcomingState.Closed, shortcoming.State);
        Assert.True(shortcoming.Accepted);
        Assert.Equal("Samordnad individuell plan ska alltid erbjudas.", shortcoming.Assessment);
        Assert.Equal("Rutinen för SIP är genomgången med rektorerna.", shortcoming.Remedy);
        Assert.Equal(ShortcomingSeverity.Serious, shortcoming.Severity);

        var told = (await _bus.OutboxAsync()).Where(m => m.To == link.Reporter && m.InstanceId == instance.Id).Select(m => m.Subject).ToList();
        Assert.Equal(["Din rapport om en brist i samverkan är bedömd", "Ärendet om bristen i samverkan är avslutat"], told);

        var compile = (await _bus.AllTasksAsync()).Single(t => t.InstanceId == review.Id && t.ActivityId == "compileStatus");
        Assert.True(compile.CreatedAt > instance.FinishedAt);
        Assert.Contains("Rapporterade brister i samverkan sedan 2025-04-15: 1.", compile.Description, StringComparison.Ordinal);
        Assert.Contains($"• 2026-01-08 (allvarlig): {WhatHappened} – avslutad", compile.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shortcoming_assessed_as_none_is_closed_at_once_and_the_reporter_is_told_why()
    {
        var registry = _bus.Services.GetRequiredService<ShortcomingRegistry>();
        var reported = await registry.ReportAsync(CycleInputs.Agreement, new ShortcomingDraft("Ett möte blev inställt.", "2026-01-09", null, "Minor", "anna@example.se"), "anna@example.se", "anna@example.se", default);

        await _bus.RunUntilAsync(new LocalDateTime(2026, 2, 1, 0, 0), new CoordinatorResponder(new BoardResponder(_bus.Calendar, BusHarness.Stockholm), _bus.Calendar) { Accept = false });

        var shortcoming = Assert.Single(await _bus.ReadAsync((s, _) => ShortcomingReader.ListAsync(s, CycleInputs.Agreement, since: null, default)));
        Assert.Equal((ShortcomingState.Closed, false, (string?)null), (shortcoming.State, shortcoming.Accepted, shortcoming.Remedy));
        var told = Assert.Single(await _bus.OutboxAsync(), m => m.To == "anna@example.se");
        Assert.Contains("det är inte en brist i samverkan", told.TextBody, StringComparison.Ordinal);
        Assert.Contains("Motivering: Ett inställt möte är inte en brist i samverkan.", told.TextBody, StringComparison.Ordinal);
        Assert.Equal(reported.InstanceId, told.InstanceId);
    }

    [Fact]
    public async Task A_report_with_bad_fields_names_each_field_and_starts_nothing()
    {
        var registry = _bus.Services.GetRequiredService<ShortcomingRegistry>();

        var refused = await registry.ReportAsync(CycleInputs.Agreement, new ShortcomingDraft(" ", "2026-13-01", "polisen", "Terrible", ""), "anna@example.se", "anna@example.se", default);

        Assert.Equal(
            [("whatHappened", ShortcomingProblem.Required), ("occurredOn", ShortcomingProblem.BadDate), ("concerns", ShortcomingProblem.NotAParty), ("severity", ShortcomingProblem.UnknownSeverity), ("contact", ShortcomingProblem.Required)],
            refused.Errors.Select(e => (e.Field, e.Problem)));
        var future = await registry.ReportAsync(CycleInputs.Agreement, new ShortcomingDraft("x", "2026-01-13", null, "Minor", "x"), "anna@example.se", "anna@example.se", default);
        Assert.Equal(("occurredOn", ShortcomingProblem.InTheFuture), Assert.Single(future.Errors) is var e ? (e.Field, e.Problem) : default);
        Assert.Empty(await _bus.InstancesAsync(ShortcomingRegistry.Workflow));
    }

    [GeneratedRegex(@"https?://[^\s""]+/avvikelse/(?<secret>[A-Za-z0-9_-]+)")]
    private static partial Regex ReportLink();

    /// <summary>The coordinator answers the shortcoming's tasks two working days later, with reasons; the parties report on their due date.</summary>
    private sealed class CoordinatorResponder(BoardResponder boards, IWorkingDayCalendar calendar) : ISimulatedResponder
    {
        public bool Accept { get; init; } = true;

        public SimulatedAnswer? Answer(HumanTask task, Instant now)
        {
            var later = calendar.AddWorkingDays(now.InZone(BusHarness.Stockholm).Date, 2).At(new LocalTime(10, 0)).InZoneLeniently(BusHarness.Stockholm).ToInstant();
            return task.ActivityId switch
            {
                "assess" when Accept => new SimulatedAnswer("accept", later, task.Assignee, "Samordnad individuell plan ska alltid erbjudas."),
                "assess" => new SimulatedAnswer("dismiss", later, task.Assignee, "Ett inställt möte är inte en brist i samverkan."),
                "remedy" => new SimulatedAnswer("remedied", later, task.Assignee, "Rutinen för SIP är genomgången med rektorerna."),
                "close" => new SimulatedAnswer("close", later, task.Assignee),
                "report" => new SimulatedAnswer("submitted", task.DueDate!.Value.At(new LocalTime(10, 0)).InZoneLeniently(BusHarness.Stockholm).ToInstant(), task.Assignee),
                _ => boards.Answer(task, now),
            };
        }
    }
}
