using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Templates;
using BusFlow.Notifications.Tests.Outbox;
using BusFlow.Notifications.Tests.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Notifications.Tests.Delivery;

/// <summary>No mail goes out with a link that is already dead: the outbox withdraws it and says why.</summary>
public sealed class DeadLinkTests : IAsyncLifetime
{
    private const string Approval = """
        {
          "id": "approval", "version": 1, "name": "Godkännande",
          "root": { "type": "Task", "id": "approve", "assignee": "karin.ek@exempelby.test", "title": "Godkänn budgeten för BUS 2027",
                    "outcomes": ["approve", "reject"], "due": "2026-12-04" }
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"busflow-dead-links-{Guid.NewGuid():N}");
    private WorkflowOutboxHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await WorkflowOutboxHarness.StartAsync(new FluidMessageTemplates(TemplateFolder.Shipped()));
        await _harness.PublishAsync(Approval);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_mail_of_a_task_answered_before_it_went_out_is_withdrawn_and_not_written()
    {
        var instance = await _harness.StartAsync("approval");
        var task = await OpenTaskAsync(instance.Id);
        await _harness.Runtime.CompleteTaskAsync(task.Id, "approve", null, "karin.ek@exempelby.test");

        var report = await DeliverAsync();

        Assert.Equal((0, 1), (report.Sent, report.Withdrawn));
        var mail = Assert.Single(await _harness.OutboxAsync());
        Assert.Equal((OutboxStatus.Withdrawn, "The task was answered before the mail went out."), (mail.Status, mail.FailureReason));
        Assert.Empty(MailFiles());
    }

    [Fact]
    public async Task The_mail_of_a_cancelled_task_is_withdrawn()
    {
        var instance = await _harness.StartAsync("approval");
        await _harness.Runtime.CancelAsync(instance.Id, "kansliet@exempelby.test", "Ärendet utgår.");

        var report = await DeliverAsync();

        Assert.Equal((0, 1), (report.Sent, report.Withdrawn));
        Assert.Equal("The task was cancelled before the mail went out.", Assert.Single(await _harness.OutboxAsync()).FailureReason);
        Assert.Empty(MailFiles());
    }

    [Fact]
    public async Task A_mail_whose_link_expired_before_it_went_out_is_withdrawn()
    {
        await _harness.StartAsync("approval");
        Clock.AdvanceDays(40);

        var report = await DeliverAsync();

        Assert.Equal(1, report.Withdrawn);
        Assert.Equal("A link in the mail expired before the mail went out.", Assert.Single(await _harness.OutboxAsync()).FailureReason);
    }

    [Fact]
    public async Task The_mail_of_an_open_task_goes_out_with_its_link()
    {
        var instance = await _harness.StartAsync("approval");

        var report = await DeliverAsync();

        Assert.Equal((1, 0), (report.Sent, report.Withdrawn));
        var mail = Assert.Single(await _harness.OutboxAsync());
        Assert.Equal(OutboxStatus.Sent, mail.Status);
        Assert.Equal(2, mail.LinkTokenIds.Count);
        Assert.Contains("/t/", await File.ReadAllTextAsync(Assert.Single(MailFiles())), StringComparison.Ordinal);
        Assert.Equal(instance.Id, mail.InstanceId);
    }

    [Fact]
    public async Task In_one_batch_the_mail_of_an_answered_task_is_withdrawn_while_the_mail_of_an_open_task_goes_out()
    {
        var answered = await _harness.StartAsync("approval");
        var open = await _harness.StartAsync("approval");
        await _harness.Runtime.CompleteTaskAsync((await OpenTaskAsync(answered.Id)).Id, "approve", null, "karin.ek@exempelby.test");

        var report = await DeliverAsync();

        Assert.Equal((1, 1), (report.Sent, report.Withdrawn));
        var mails = await _harness.OutboxAsync();
        Assert.Equal(OutboxStatus.Withdrawn, mails.Single(m => m.InstanceId == answered.Id).Status);
        Assert.Equal(OutboxStatus.Sent, mails.Single(m => m.InstanceId == open.Id).Status);
        Assert.Single(MailFiles());
    }

    private FakeClock Clock => (FakeClock)_harness.Services.GetRequiredService<IClock>();

    private async Task<HumanTask> OpenTaskAsync(Guid instanceId)
    {
        await using var session = await _harness.Store.BeginAsync();
        return Assert.Single(await session.ListTasksAsync(new TaskQuery(InstanceId: instanceId), default));
    }

    private Task<DeliveryReport> DeliverAsync()
    {
        var mail = new MailOptions { Folder = _folder };
        return new OutboxDelivery(_harness.Store, mail, new MimeMessageBuilder(mail), Clock, NullLogger<OutboxDelivery>.Instance).DeliverDueAsync();
    }

    private IEnumerable<string> MailFiles() => Directory.Exists(_folder) ? Directory.EnumerateFiles(_folder, "*.eml") : [];
}
