using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Notifications.Tests.Delivery;

/// <summary>The outbox on a throwaway database with a fake clock, and delivery with the given mail options.</summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 8, 0);

    private DeliveryHarness(TestDatabase database, ServiceProvider services, FakeClock clock)
    {
        Database = database;
        Services = services;
        Clock = clock;
    }

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public FakeClock Clock { get; }
    public IWorkflowStore Store => Services.GetRequiredService<IWorkflowStore>();
    public OutboxDelivery Delivery => Services.GetRequiredService<OutboxDelivery>();
    public MailOptions Mail => Services.GetRequiredService<MailOptions>();

    /// <summary>Smtp mode to 127.0.0.1:<paramref name="port"/> in clear text, as configured for a test server.</summary>
    public static MailOptions Smtp(int port, Action<MailOptions>? configure = null)
    {
        var options = new MailOptions
        {
            Mode = MailOptions.SmtpMode,
            Host = "127.0.0.1",
            Port = port,
            Security = "None",
            From = "BusFlow Exempelby <busflow@exempelby.test>",
            ReplyTo = "Kansliet <kansliet@exempelby.test>",
            ListId = "busflow.exempelby.test",
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return options;
    }

    public static async Task<DeliveryHarness> StartAsync(MailOptions mail, string provider = "Sqlite")
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeClock(Start);
        var services = database.BuildServices(s => s
            .AddLogging()
            .AddSingleton<IClock>(clock)
            .AddSingleton(LinkKey.Generate())
            .AddBusFlowNotifications(mail));
        await BusFlowDatabase.MigrateAsync(services);
        return new DeliveryHarness(database, services, clock);
    }

    public static EmailMessage Message(string subject = "Kallelse: årsmöte i BUN — ändrad tid", EmailKind kind = EmailKind.Required, CalendarAttachment? calendar = null) =>
        new("Åsa Öberg <asa.oberg@exempelby.test>", subject, "Hej Åsa!\n\nMötet flyttas till kl. 13.", "<html lang=\"sv\"><body><p>Hej Åsa!</p></body></html>", "sv-SE", kind, calendar);

    /// <summary>Enqueues messages in one committed session and returns their outbox ids.</summary>
    public async Task<IReadOnlyList<Guid>> EnqueueAsync(params EmailMessage[] messages)
    {
        await using var session = await Store.BeginAsync();
        var outbox = session.Facet<IOutbox>();
        var ids = new List<Guid>();
        foreach (var message in messages)
        {
            var row = OutboxMessage.Create(message, Clock.GetCurrentInstant());
            outbox.Enqueue(row);
            ids.Add(row.Id);
        }

        await session.CommitAsync(default);
        return ids;
    }

    public async Task<OutboxMessage> ReadAsync(Guid id)
    {
        await using var session = await Store.BeginAsync();
        return (await session.Facet<IOutbox>().FindAsync(id, default))!;
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
