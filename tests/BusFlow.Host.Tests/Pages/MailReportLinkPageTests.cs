using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BusFlow.Bus.Demo;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using MimeKit;

namespace BusFlow.Host.Tests.Pages;

/// <summary>The report link in mail as delivered, opened over real HTTP as its recipient opens it.</summary>
public sealed partial class MailReportLinkPageTests
{
    private const string Anna = "anna.berg@exempelby.test";

    [Fact]
    public async Task A_delivered_meeting_invitation_opens_the_report_page_for_its_agreement_and_a_mail_about_no_agreement_has_no_link()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-reportlinks-{Guid.NewGuid():N}");
        await using var database = SqliteTestDatabase.Create();
        try
        {
            await using var demo = await DemoMailHost.StartAsync(database, folder);
            await demo.GiveSeveralTasksAsync(Anna);
            var spring = await demo.Host.Client.PostAsJsonAsync("/api/instances", new
            {
                definitionId = "spring-review",
                input = new { agreement = DemoMunicipality.AgreementId, body = DemoMunicipality.ManagementGroupId, year = 2027, reportsDue = "2027-03-15", meetingDate = "2027-04-14" },
            });
            Assert.True(spring.IsSuccessStatusCode, await spring.Content.ReadAsStringAsync());

            var mails = await demo.DeliverAllAsync();

            var invitations = mails.Where(m => (m.Subject ?? "").StartsWith("Inbjudan: Vårmöte BUS 2027", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(invitations);
            using var browser = new PageClient(demo.Host.Client.BaseAddress!);
            foreach (var invitation in invitations)
            {
                var to = invitation.To.Mailboxes.Single().Address;
                var page = await browser.GetAsync(new Uri(LinkIn(invitation)).AbsolutePath);
                Assert.Equal((HttpStatusCode.OK, "Rapportera en brist i samverkan"), (page.Status, page.Heading));
                Assert.Contains(DemoMunicipality.AgreementTitle, page.Text, StringComparison.Ordinal);
                Assert.Contains($"Rapporten skickas från {to}.", page.Text, StringComparison.Ordinal);
            }

            var approvals = mails.Where(m => (m.Subject ?? "").Contains("Godkänn: Budget 2027", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(approvals);
            Assert.All(approvals, m =>
            {
                Assert.DoesNotMatch(ReportLink(), m.TextBody ?? "");
                Assert.DoesNotMatch(ReportLink(), m.HtmlBody ?? "");
            });
        }
        finally
        {
            await HostTeardown.DisposeAsync(null, null, null, folder);
        }
    }

    [GeneratedRegex(@"https?://[^\s""<]+/avvikelse/[A-Za-z0-9_-]+")]
    private static partial Regex ReportLink();

    /// <summary>The report link of a delivered mail: the same in its text and in its HTML.</summary>
    private static string LinkIn(MimeMessage mail)
    {
        var link = ReportLink().Match(mail.TextBody ?? "");
        Assert.True(link.Success, $"'{mail.Subject}' carries no report link");
        Assert.Contains($"href=\"{link.Value}\"", mail.HtmlBody, StringComparison.Ordinal);
        return link.Value;
    }
}
