using System.Data.Common;
using System.Globalization;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Tests.Delivery;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Notifications.Tests.Outbox;

/// <summary>What the outbox table holds of a message: nothing of its content in clear.</summary>
public sealed class OutboxAtRestTests
{
    private const string LinkSecret = "Q2hhaXJzTGlua1NlY3JldA";
    private const string Code = "K7Q4X-M2P9R";
    private const string UnsubscribeSecret = "VW5zdWJzY3JpYmVTZWNyZXQ";

    public static TheoryProviders Providers => TestDatabase.Providers;

    private static EmailMessage SecretMail() =>
        new("anna.berg@exempelby.test", "Ny uppgift i BusFlow: Godkänn budgeten",
            $"Öppna uppgiften: https://busflow.exempelby.test/t/{LinkSecret}\nFungerar inte länken? Skriv koden {Code}.",
            $"<p><a href=\"https://busflow.exempelby.test/t/{LinkSecret}\">Öppna uppgiften</a> eller skriv koden {Code}.</p>",
            "sv-SE", EmailKind.Optional, new CalendarAttachment("REQUEST", $"BEGIN:VCALENDAR\r\nDESCRIPTION:https://busflow.exempelby.test/t/{LinkSecret}\r\nEND:VCALENDAR"))
        {
            UnsubscribeUrl = $"https://busflow.exempelby.test/unsubscribe/{UnsubscribeSecret}",
        };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_outbox_row_holds_no_link_code_or_unsubscribe_secret_yet_the_outbox_reads_the_message_back_whole(string provider)
    {
        await using var harness = await DeliveryHarness.StartAsync(new MailOptions(), provider);

        var id = Assert.Single(await harness.EnqueueAsync(SecretMail()));

        var row = await RowAsTextAsync(harness.Database, id);
        Assert.DoesNotContain(LinkSecret, row, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, row, StringComparison.Ordinal);
        Assert.DoesNotContain(UnsubscribeSecret, row, StringComparison.Ordinal);
        Assert.DoesNotContain("Godkänn budgeten", row, StringComparison.Ordinal);
        var read = await harness.ReadAsync(id);
        var mail = SecretMail();
        Assert.Equal(
            (mail.Subject, mail.TextBody, mail.HtmlBody, mail.Calendar!.Content, mail.UnsubscribeUrl),
            (read.Subject, read.TextBody, read.HtmlBody, read.CalendarContent, read.UnsubscribeUrl));
    }

    [Fact]
    public async Task A_message_sealed_under_another_link_key_is_not_sent_and_says_why()
    {
        await using var harness = await DeliveryHarness.StartAsync(new MailOptions { Folder = Path.Combine(Path.GetTempPath(), $"busflow-mail-{Guid.NewGuid():N}") });
        var id = Assert.Single(await harness.EnqueueAsync(SecretMail()));
        var otherKey = harness.Database.BuildServices(s => s
            .AddLogging()
            .AddSingleton<IClock>(harness.Clock)
            .AddSingleton(LinkKey.Generate())
            .AddBusFlowNotifications(harness.Mail));

        var report = await otherKey.GetRequiredService<OutboxDelivery>().DeliverDueAsync();

        Assert.Equal(1, report.Failed);
        var failed = await harness.ReadAsync(id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains("link key", failed.FailureReason, StringComparison.Ordinal);
        Assert.False(Directory.Exists(harness.Mail.Folder) && Directory.EnumerateFiles(harness.Mail.Folder).Any());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrading_removes_mail_written_in_clear_and_marks_what_was_still_pending_as_failed(string provider)
    {
        await using var harness = await DeliveryHarness.StartAsync(new MailOptions(), provider);
        await using (var db = await harness.Services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>().CreateDbContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_OutboxSecrets", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(previous);
        }

        var legacy = Guid.CreateVersion7();
        var now = harness.Clock.GetCurrentInstant().ToDateTimeUtc().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                  + (provider == StorageOptions.Postgres ? "+00" : "");
        await ExecuteAsync(harness.Database, provider == StorageOptions.Postgres
            ? $"INSERT INTO outbox (id, \"to\", subject, text_body, html_body, language, kind, status, attempts, next_attempt_at, created_at, version) VALUES ('{legacy}', 'anna.berg@exempelby.test', 'Din kod {Code}', 'https://busflow.exempelby.test/t/{LinkSecret}', '<p>{Code}</p>', 'sv-SE', 'Required', 'Pending', 0, '{now}', '{now}', 0)"
            : $"INSERT INTO outbox (id, \"to\", subject, text_body, html_body, language, kind, status, attempts, next_attempt_at, created_at, version) VALUES ('{legacy.ToString().ToUpperInvariant()}', 'anna.berg@exempelby.test', 'Din kod {Code}', 'https://busflow.exempelby.test/t/{LinkSecret}', '<p>{Code}</p>', 'sv-SE', 'Required', 'Pending', 0, '{now}', '{now}', 0)");

        await BusFlowDatabase.MigrateAsync(harness.Services);

        var row = await RowAsTextAsync(harness.Database, legacy);
        Assert.DoesNotContain(LinkSecret, row, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, row, StringComparison.Ordinal);
        var upgraded = await harness.ReadAsync(legacy);
        Assert.Equal(OutboxStatus.Failed, upgraded.Status);
        Assert.Contains("sealed its outbox", upgraded.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, (await harness.Delivery.DeliverDueAsync()).Sent);
    }

    /// <summary>Every column of the row, as text, as a dump of the table shows it.</summary>
    private static async Task<string> RowAsTextAsync(TestDatabase database, Guid id)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM outbox";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).ToList();
            if (fields.Any(f => string.Equals(f, id.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                rows.Add(string.Join('|', fields));
            }
        }

        return Assert.Single(rows);
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using DbConnection connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
