using System.Text.Json.Nodes;
using BusFlow.Notifications.Templates;

namespace BusFlow.Notifications.Tests.Templates;

public sealed class TemplateFiltersTests
{
    private static string Render(string language, string expression, string value)
    {
        using var folder = new TemplateFolder()
            .WithTemplate("f", "sv-SE", "s", "{{ v | " + expression + " }}", "h")
            .WithTemplate("f", "en-GB", "s", "{{ v | " + expression + " }}", "h");
        return new FluidMessageTemplates(folder.Path).Render("f", language, new JsonObject { ["v"] = value }).TextBody.TrimEnd('\n');
    }

    [Theory]
    [InlineData("sv-SE", "2026-04-15", "15 april 2026")]
    [InlineData("en-GB", "2026-04-15", "15 April 2026")]
    [InlineData("sv-SE", "2026-10-01", "1 oktober 2026")]
    [InlineData("en-GB", "2026-10-01", "1 October 2026")]
    // 22:30 UTC on the 14th is 00:30 on the 15th in Stockholm (CEST).
    [InlineData("sv-SE", "2026-04-14T22:30:00Z", "15 april 2026")]
    [InlineData("sv-SE", "2026-04-15T00:30:00+02:00", "15 april 2026")]
    [InlineData("sv-SE", "2026-04-15T10:00", "15 april 2026")]
    [InlineData("sv-SE", "inte ett datum", "inte ett datum")]
    public void Local_date(string language, string value, string expected) =>
        Assert.Equal(expected, Render(language, "local_date", value));

    [Theory]
    [InlineData("2026-03-30T08:00:00Z", "10:00")] // summer time (CEST, +02:00) after 29 March
    [InlineData("2026-03-27T08:00:00Z", "09:00")] // winter time (CET, +01:00)
    [InlineData("2026-10-25T12:05:00Z", "13:05")] // back to winter time that night
    [InlineData("2026-04-15T10:00:00+02:00", "10:00")]
    [InlineData("2026-04-15T10:00", "10:00")] // already local
    [InlineData("2026-04-15T08:00Z", "10:00")]
    [InlineData("2026-04-15", "2026-04-15")] // a date has no time: left as it is
    public void Local_time_in_Europe_Stockholm(string value, string expected)
    {
        Assert.Equal(expected, Render("sv-SE", "local_time", value));
        Assert.Equal(expected, Render("en-GB", "local_time", value));
    }

    [Fact]
    public void Nil_stays_empty()
    {
        using var folder = new TemplateFolder().WithTemplate("f", "sv-SE", "s", "[{{ nothing | local_date }}|{{ nothing | local_time }}]", "h");

        Assert.Equal("[|]\n", new FluidMessageTemplates(folder.Path).Render("f", "sv-SE", []).TextBody);
    }
}
