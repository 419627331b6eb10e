using System.Text.Json.Nodes;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;
using NodaTime;

namespace BusFlow.Notifications.Templates;

/// <summary>
/// The model a template is previewed and checked with: a sample task as the task mails pass it
/// (<see cref="TaskMailModel"/>), with what the other mails add (the meeting, the digest's tasks, the change).
/// </summary>
public static class TemplateSamples
{
    private static readonly LocalDate Due = new(2027, 3, 15);
    private static readonly Instant Created = Instant.FromUtc(2027, 3, 1, 8, 0);
    private static readonly Instant MeetingStart = Instant.FromUtc(2027, 3, 22, 12, 0);

    public static JsonObject Model()
    {
        var task = new HumanTask
        {
            ActivityId = "recordDecision",
            Assignee = "anna.andersson@kommun.example",
            Title = "Fatta beslut om samverkansavtalet",
            Description = "Nämnden beslutar om det förnyade avtalet.",
            Outcomes = ["approved", "rejected"],
            DueDate = Due,
            CreatedAt = Created,
        };
        var link = new TaskLink("https://busflow.example/t/exempel", "483 920", "https://busflow.example/t/kod", []);
        var model = TaskMailModel.Of(task, link, "Anna Andersson");
        model["report_link"] = "https://busflow.example/avvikelse/exempel";
        model["report_links"] = new JsonArray(new JsonObject { ["title"] = "Samverkansöverenskommelse BUS 2027–2030", ["link"] = "https://busflow.example/avvikelse/exempel" });
        model["task"]!["created"] = Values.FromInstant(Created);
        model["assignee"] = new JsonObject { ["name"] = "Bo Berg", ["email"] = "bo.berg@kommun.example" };
        model["change"] = new JsonObject { ["previousDue"] = Values.FromDate(Due.PlusDays(-7)), ["reason"] = "Sammanträdet flyttades." };
        model["expires"] = Values.FromInstant(Created.Plus(Duration.FromMinutes(15)));
        model["outcome_label"] = "Godkänt";
        model["organizer"] = new JsonObject { ["name"] = "Carin Ek" };
        model["reason"] = "Ärendet är avgjort.";
        model["meeting"] = new JsonObject
        {
            ["title"] = "Samverkansorganets sammanträde",
            ["start"] = Values.FromInstant(MeetingStart),
            ["end"] = Values.FromInstant(MeetingStart.Plus(Duration.FromHours(2))),
            ["place"] = "Stadshuset, sal A",
            ["description"] = "Beslut om avtalet.",
            ["agenda"] = new JsonArray("Upprop", "Avtalet", "Övrigt"),
        };
        model["tasks"] = new JsonArray(new JsonObject
        {
            ["title"] = task.Title,
            ["due"] = Values.FromDate(Due),
            ["link"] = link.Url,
            ["overdue"] = false,
        });
        model["unsubscribe_link"] = "https://busflow.example/unsubscribe/exempel";
        return model;
    }
}
