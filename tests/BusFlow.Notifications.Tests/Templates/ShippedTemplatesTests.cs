using System.Text.Json.Nodes;
using BusFlow.Notifications.Templates;

namespace BusFlow.Notifications.Tests.Templates;

/// <summary>The templates in the repository's templates/ folder, as an administrator receives them.</summary>
public sealed class ShippedTemplatesTests
{
    public static TheoryData<string, string> TemplatesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Expected)
        {
            data.Add(name, "sv-SE");
            data.Add(name, "en-GB");
        }

        return data;
    }

    private static readonly string[] Expected = ["confirmation-code", "meeting-cancelled", "meeting-invitation", "task-assigned", "task-escalated", "task-moved", "task-reminder", "weekly-digest"];

    private static readonly FluidMessageTemplates Templates = new(TemplateFolder.Shipped());

    [Fact]
    public void Load_without_errors()
    {
        Assert.Equal(Expected, Templates.Names);
    }

    [Theory]
    [MemberData(nameof(TemplatesAndLanguages))]
    public void Render_in_both_languages_as_accessible_html(string template, string language)
    {
        var message = Templates.Render(template, language, Model());

        Assert.Equal(language, message.Language);
        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        Assert.DoesNotContain('\n', message.Subject);
        Assert.DoesNotContain("{{", message.TextBody + message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(language == "sv-SE" ? "<html lang=\"sv\">" : "<html lang=\"en\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Matches("<title>[^<]+</title>", message.HtmlBody);
        Assert.Contains("<h1>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(">\\s*(klicka här|click here|här|here)\\s*</a>", message.HtmlBody);
        if (template != "confirmation-code")
        {
            // Every mail but the code (typed on the page the reader already has open) leads somewhere.
            Assert.Contains("<a href=\"https://busflow.exempelby.test/", message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("https://busflow.exempelby.test/", message.TextBody, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TemplatesAndLanguages))]
    public void No_subject_line_shows_a_code_or_a_link_since_subjects_show_on_lock_screens(string template, string language)
    {
        var message = Templates.Render(template, language, Model());

        Assert.DoesNotContain("K7Q-4ÄX", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", message.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sv-SE", "Din bekräftelsekod i BusFlow")]
    [InlineData("en-GB", "Your confirmation code in BusFlow")]
    public void The_confirmation_code_is_in_the_body_only(string language, string subject)
    {
        var message = Templates.Render("confirmation-code", language, Model());

        Assert.Equal(subject, message.Subject);
        Assert.Contains("K7Q-4ÄX", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>K7Q-4ÄX</strong>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_assigned_reads_naturally_in_Swedish()
    {
        var message = Templates.Render("task-assigned", "sv-SE", Model());

        Assert.Equal("Ny uppgift i BusFlow: Godkänn förslaget om prioriteringar för 2027", message.Subject);
        Assert.Contains("Hej Åsa Exempelsson!", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Du har fått en uppgift i BusFlow", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sista dag att svara: 15 april 2026", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Fungerar inte länken? Gå till https://busflow.exempelby.test/t/kod och skriv koden K7Q-4ÄX.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Styrgruppen föreslår tre prioriteringar &amp; en uppföljning.</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<p>Se bilagan från förvaltningen.</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Sista dag att svara:</strong> 15 april 2026", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_reminder_and_escalation()
    {
        Assert.StartsWith("Påminnelse: ", Templates.Render("task-reminder", "sv-SE", Model()).Subject, StringComparison.Ordinal);
        Assert.StartsWith("Reminder: ", Templates.Render("task-reminder", "en-GB", Model()).Subject, StringComparison.Ordinal);

        var escalated = Templates.Render("task-escalated", "sv-SE", Model());
        Assert.Equal("Obesvarad uppgift: Godkänn förslaget om prioriteringar för 2027 (Örjan Testberg)", escalated.Subject);
        Assert.Contains("Örjan Testberg har inte svarat", escalated.TextBody, StringComparison.Ordinal);
        Assert.Contains("Skickad: 1 april 2026", escalated.TextBody, StringComparison.Ordinal);
        Assert.Contains("som vice ordförande", escalated.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Weekly_digest_lists_the_open_tasks()
    {
        var message = Templates.Render("weekly-digest", "sv-SE", Model());

        Assert.Equal("Veckans sammanfattning: 2 öppna uppgifter i BusFlow", message.Subject);
        Assert.Contains("- Rapportera läget för 2026 (sista dag: 13 februari 2026, försenad)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"https://busflow.exempelby.test/tasks/2\">Lämna synpunkter på överenskommelsen</a>", message.HtmlBody, StringComparison.Ordinal);

        var none = Templates.Render("weekly-digest", "en-GB", new JsonObject { ["tasks"] = new JsonArray(), ["link"] = "https://busflow.exempelby.test/tasks" });
        Assert.Equal("Weekly summary: 0 open tasks in BusFlow", none.Subject);
        Assert.Contains("You have no open tasks", none.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Meeting_invitation_shows_date_time_place_and_agenda()
    {
        var sv = Templates.Render("meeting-invitation", "sv-SE", Model());
        Assert.Equal("Inbjudan: Vårmöte BUS 30 mars 2026", sv.Subject);
        Assert.Contains("När: 30 mars 2026 kl. 10:00–12:00", sv.TextBody, StringComparison.Ordinal);
        Assert.Contains("Var: Stadshuset, sal Älven", sv.TextBody, StringComparison.Ordinal);
        Assert.Contains("2. Årets uppdrag och insatser", sv.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li>Årets uppdrag och insatser</li>", sv.HtmlBody, StringComparison.Ordinal);

        var en = Templates.Render("meeting-invitation", "en-GB", Model());
        Assert.Contains("When: 30 March 2026, 10:00–12:00", en.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_moved_meeting_names_its_old_time_and_a_cancelled_one_its_reason_in_both_languages()
    {
        var moved = Model();
        moved["previous"] = new JsonObject { ["start"] = "2026-03-23T09:00:00Z" };
        var cancelled = Model();
        cancelled["reason"] = "Underlagen hinner inte bli klara.";

        var svMoved = Templates.Render("meeting-invitation", "sv-SE", moved);
        var enMoved = Templates.Render("meeting-invitation", "en-GB", moved);
        var svCancelled = Templates.Render("meeting-cancelled", "sv-SE", cancelled);
        var enCancelled = Templates.Render("meeting-cancelled", "en-GB", cancelled);

        Assert.Equal("Ny tid: Vårmöte BUS 30 mars 2026", svMoved.Subject);
        Assert.Contains("Vårmöte BUS har flyttats från 23 mars 2026 kl. 10:00.", svMoved.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h1>Ny tid: Vårmöte BUS</h1>", svMoved.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("New time: Vårmöte BUS, 30 March 2026", enMoved.Subject);
        Assert.Contains("Vårmöte BUS has moved from 23 March 2026, 10:00.", enMoved.TextBody, StringComparison.Ordinal);
        Assert.Equal("Inställt: Vårmöte BUS 30 mars 2026", svCancelled.Subject);
        Assert.Contains("Vårmöte BUS den 30 mars 2026 kl. 10:00 är inställt.", svCancelled.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Underlagen hinner inte bli klara.</p>", svCancelled.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Cancelled: Vårmöte BUS, 30 March 2026", enCancelled.Subject);
        Assert.Contains("Questions go to Kim Sekreterare.", enCancelled.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", enCancelled.HtmlBody, StringComparison.Ordinal);
    }

    private static JsonObject Model() => new()
    {
        ["recipient"] = new JsonObject { ["name"] = "Åsa Exempelsson", ["role"] = "vice ordförande" },
        ["link"] = "https://busflow.exempelby.test/tasks/1",
        ["code"] = "K7Q-4ÄX",
        ["code_page"] = "https://busflow.exempelby.test/t/kod",
        ["outcome_label"] = "Underteckna",
        ["expires"] = "2026-04-01T06:15:00Z",
        ["unsubscribe_link"] = "https://busflow.exempelby.test/unsubscribe/abc",
        ["task"] = new JsonObject
        {
            ["title"] = "Godkänn förslaget om prioriteringar för 2027",
            ["description"] = "Styrgruppen föreslår tre prioriteringar & en uppföljning.\n\nSe bilagan från förvaltningen.",
            ["due"] = "2026-04-15",
            ["created"] = "2026-04-01T06:00:00Z",
        },
        ["assignee"] = new JsonObject { ["name"] = "Örjan Testberg", ["email"] = "orjan.testberg@exempelby.test" },
        ["tasks"] = new JsonArray(
            new JsonObject { ["title"] = "Rapportera läget för 2026", ["due"] = "2026-02-13", ["overdue"] = true, ["link"] = "https://busflow.exempelby.test/tasks/1" },
            new JsonObject { ["title"] = "Lämna synpunkter på överenskommelsen", ["due"] = "2026-05-04", ["link"] = "https://busflow.exempelby.test/tasks/2" }),
        ["meeting"] = new JsonObject
        {
            ["title"] = "Vårmöte BUS",
            ["start"] = "2026-03-30T08:00:00Z",
            ["end"] = "2026-03-30T10:00:00Z",
            ["place"] = "Stadshuset, sal Älven",
            ["description"] = "Genomgång av det gångna året och nuläget.",
            ["agenda"] = new JsonArray("Mötets öppnande", "Årets uppdrag och insatser", "Övriga frågor"),
        },
        ["organizer"] = new JsonObject { ["name"] = "Kim Sekreterare" },
    };
}
