using System.Text.RegularExpressions;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Testing.Mail;
using MimeKit;

namespace BusFlow.Notifications.Tests.Delivery;

/// <summary>Delivery to a real SMTP server (aiosmtpd) over a socket, read back from what it received.</summary>
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task A_due_message_arrives_with_both_parts_encoded_Swedish_headers_and_the_Message_ID_of_its_outbox_id()
    {
        await using var smtp = await AiosmtpdServer.StartAsync();
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port));
        var optional = DeliveryHarness.Message("Kallelse: årsmöte i BUN — ändrad tid", EmailKind.Optional) with
        {
            UnsubscribeUrl = "https://busflow.exempelby.test/unsubscribe/Zm9vYmFyYmF6",
        };
        var id = Assert.Single(await harness.EnqueueAsync(optional));

        var report = await harness.Delivery.DeliverDueAsync();

        Assert.Equal(new DeliveryReport(1, 0, 0, 0), report);
        var received = Assert.Single(smtp.Received());
        var raw = Assert.Single(smtp.ReceivedRaw());
        Assert.Equal("Kallelse: årsmöte i BUN — ändrad tid", received.Subject);
        var subjectLine = Regex.Match(raw, @"^Subject:(.*(\r\n[ \t].*)*)", RegexOptions.Multiline).Value;
        Assert.Contains("=?utf-8?", subjectLine, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("å", subjectLine, StringComparison.Ordinal);
        Assert.Equal($"{id}@exempelby.test", received.MessageId);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(received.From));
        Assert.Equal(("BusFlow Exempelby", "busflow@exempelby.test"), (from.Name, from.Address));
        Assert.Equal("kansliet@exempelby.test", Assert.IsType<MailboxAddress>(Assert.Single(received.ReplyTo)).Address);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(received.To));
        Assert.Equal(("Åsa Öberg", "asa.oberg@exempelby.test"), (to.Name, to.Address));
        Assert.Equal("auto-generated", received.Headers["Auto-Submitted"]);
        Assert.Equal("<busflow.exempelby.test>", received.Headers[HeaderId.ListId]);
        Assert.Equal("<https://busflow.exempelby.test/unsubscribe/Zm9vYmFyYmF6>", received.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("sv-SE", received.Body!.Headers[HeaderId.ContentLanguage]);

        var alternative = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal("Hej Åsa!\n\nMötet flyttas till kl. 13.", received.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("<p>Hej Åsa!</p>", received.HtmlBody, StringComparison.Ordinal);
        Assert.All(alternative.OfType<TextPart>(), p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));

        var row = await harness.ReadAsync(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(DeliveryHarness.Start, row.SentAt);
        Assert.StartsWith("250 2.0.0 Ok: queued as", row.ServerReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Required_mail_has_no_unsubscribe_headers()
    {
        await using var smtp = await AiosmtpdServer.StartAsync();
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port));
        // Even given an unsubscribe URL by mistake: required task mail cannot be turned off.
        await harness.EnqueueAsync(DeliveryHarness.Message(kind: EmailKind.Required) with { UnsubscribeUrl = "https://busflow.exempelby.test/unsubscribe/x" });

        await harness.Delivery.DeliverDueAsync();

        var received = Assert.Single(smtp.Received());
        Assert.Null(received.Headers[HeaderId.ListUnsubscribe]);
        Assert.Null(received.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("<busflow.exempelby.test>", received.Headers[HeaderId.ListId]);
    }

    [Fact]
    public async Task An_invitation_carries_a_text_calendar_part_with_its_method_and_an_ics_attachment()
    {
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//BusFlow//test//SV\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:arsmote-2027@exempelby.test\r\nDTSTAMP:20261123T080000Z\r\nDTSTART:20270415T110000Z\r\nSUMMARY:Årsmöte\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        await using var smtp = await AiosmtpdServer.StartAsync();
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port));
        await harness.EnqueueAsync(DeliveryHarness.Message(calendar: new CalendarAttachment("REQUEST", ics)));

        await harness.Delivery.DeliverDueAsync();

        var received = Assert.Single(smtp.Received());
        var mixed = Assert.IsType<Multipart>(received.Body);
        Assert.Equal("mixed", mixed.ContentType.MediaSubtype);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        var calendar = Assert.IsType<TextPart>(alternative[2]);
        Assert.Equal("text/calendar", calendar.ContentType.MimeType);
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Contains("SUMMARY:Årsmöte", calendar.Text, StringComparison.Ordinal);
        var attachment = Assert.Single(received.Attachments.OfType<MimePart>());
        Assert.Equal("invite.ics", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(ics, System.Text.Encoding.UTF8.GetString(content.ToArray()));
    }

    [Fact]
    public async Task A_message_is_delivered_once_however_often_delivery_runs()
    {
        await using var smtp = await AiosmtpdServer.StartAsync();
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port));
        var ids = await harness.EnqueueAsync(DeliveryHarness.Message("Ett"), DeliveryHarness.Message("Två"));

        var first = await harness.Delivery.DeliverDueAsync();
        harness.Clock.AdvanceMinutes(30);
        var second = await harness.Delivery.DeliverDueAsync();

        Assert.Equal(2, first.Sent);
        Assert.Equal(new DeliveryReport(0, 0, 0, 0), second);
        Assert.Equal(["Ett", "Två"], smtp.Received().Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(ids.Select(id => $"{id}@exempelby.test").Order(StringComparer.Ordinal), smtp.Received().Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_messages_of_a_run_go_through_one_connection()
    {
        await using var smtp = ScriptedSmtpServer.Start();
        await using var harness = await DeliveryHarness.StartAsync(DeliveryHarness.Smtp(smtp.Port));
        await harness.EnqueueAsync(DeliveryHarness.Message("Ett"), DeliveryHarness.Message("Två"), DeliveryHarness.Message("Tre"));

        var report = await harness.Delivery.DeliverDueAsync();

        Assert.Equal(3, report.Sent);
        Assert.Equal(3, smtp.Accepted.Count);
        Assert.Equal(1, smtp.Connections);
    }

    [Fact]
    public async Task Folder_mode_writes_one_eml_file_per_message_named_by_its_creation_time_and_id()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-mail-{Guid.NewGuid():N}");
        try
        {
            await using var harness = await DeliveryHarness.StartAsync(new MailOptions { Folder = folder, ListId = "busflow.exempelby.test" });
            var id = Assert.Single(await harness.EnqueueAsync(DeliveryHarness.Message()));

            await harness.Delivery.DeliverDueAsync();

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Equal($"20261123-080000-{id}.eml", Path.GetFileName(file));
            var written = await MimeMessage.LoadAsync(file);
            Assert.Equal("Kallelse: årsmöte i BUN — ändrad tid", written.Subject);
            Assert.Equal($"{id}@exempelby.test", written.MessageId);
            var row = await harness.ReadAsync(id);
            Assert.Equal(OutboxStatus.Sent, row.Status);
            Assert.Contains(file, row.ServerReply, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
