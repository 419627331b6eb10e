using System.Text.Json.Nodes;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Simulation;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.Simulation;

/// <summary>
/// Simulated people of a BUS collaboration, for `busflow simulate` and tests. A board secretary records the board's decision on the
/// meeting day at 16:00, with the date and a paragraph; everyone else answers two working days after
/// being asked, at 10:00, with the task's first outcome; a registration number asked for is given at once. <see cref="Decide"/> picks a board's outcome
/// per meeting (the first meeting is 1); returning null means that secretary never answers.
/// </summary>
public sealed class BoardResponder(IWorkingDayCalendar calendar, DateTimeZone zone) : ISimulatedResponder
{
    /// <summary>board-decision's task asking the board's secretary for the matter's registration number.</summary>
    public const string RegisterMatterTask = "registerMatter";

    private readonly Dictionary<string, int> _meetingsSeen = [];
    private int _registered;

    public Func<string, int, string?> Decide { get; init; } = (_, _) => "approve";

    /// <summary>Who never answers anything (an e-mail address).</summary>
    public string? Silent { get; init; }

    /// <summary>The named policies of `busflow simulate --responses`.</summary>
    public static IReadOnlyList<string> Policies { get; } = ["approve", "refer-back-once", "reject", "silent-secretary", "silent-chair"];

    /// <summary>
    /// approve: every board approves at its next meeting; refer-back-once: the first party refers
    /// back once, then approves; reject: the last party rejects; silent-secretary: the first
    /// party's secretary never answers; silent-chair: the first party's chair never answers (and so never signs).
    /// </summary>
    public static BoardResponder ForPolicy(string policy, IWorkingDayCalendar calendar, DateTimeZone zone, IReadOnlyList<string> parties, string? firstSecretaryEmail, string? firstChairEmail = null) => policy switch
    {
        "approve" => new BoardResponder(calendar, zone),
        "refer-back-once" => new BoardResponder(calendar, zone) { Decide = (board, meeting) => board == parties[0] && meeting == 1 ? "referBack" : "approve" },
        "reject" => new BoardResponder(calendar, zone) { Decide = (board, _) => board == parties[^1] ? "reject" : "approve" },
        "silent-secretary" => new BoardResponder(calendar, zone) { Silent = firstSecretaryEmail },
        "silent-chair" => new BoardResponder(calendar, zone) { Silent = firstChairEmail },
        _ => throw new ArgumentException($"Unknown response policy '{policy}' (known: {string.Join(", ", Policies)})."),
    };

    public SimulatedAnswer? Answer(HumanTask task, Instant now)
    {
        if (task.Assignee == Silent)
        {
            return null;
        }

        var data = task.DataJson is null ? null : JsonNode.Parse(task.DataJson) as JsonObject;
        if (task.ActivityId == RegisterMatterTask && data?["board"] is { } registeringBoard)
        {
            // The registrar answers at once, so that the round's dates stay those of a round that was given the number.
            var number = $"{now.InZone(zone).Year}.{++_registered:000} {Values.ToText(registeringBoard).ToUpperInvariant()}";
            return new SimulatedAnswer(task.Outcomes[0], now, task.Assignee, null, new JsonObject { ["registrationNumber"] = number });
        }

        if (task.Outcomes.Contains("referBack") && data?["board"] is { } boardNode && task.DueDate is { } meeting)
        {
            var board = Values.ToText(boardNode);
            var round = _meetingsSeen[board] = _meetingsSeen.GetValueOrDefault(board) + 1;
            var outcome = Decide(board, round);
            if (outcome is null)
            {
                return null;
            }

            var facts = new JsonObject { ["decisionDate"] = Values.FromDate(meeting), ["paragraph"] = $"§ {10 + round}" };
            var comment = outcome is "reject" or "referBack" ? $"Nämndens beslut enligt protokollet § {10 + round} (simulerat)." : null;
            return new SimulatedAnswer(outcome, At(meeting, 16), task.Assignee, comment, facts);
        }

        var answerDay = calendar.AddWorkingDays(now.InZone(zone).Date, 2);
        return new SimulatedAnswer(task.Outcomes[0], At(answerDay, 10), task.Assignee, Data: Filled(task, task.Outcomes[0], answerDay));

        Instant At(LocalDate day, int hour)
        {
            var at = day.At(new LocalTime(hour, 0)).InZoneLeniently(zone).ToInstant();
            return at > now ? at : now;
        }
    }

    /// <summary>The facts a task's form requires for the outcome, filled in as a person would: a date with the day of the answer, a text saying it is simulated.</summary>
    private static JsonObject? Filled(HumanTask task, string outcome, LocalDate answerDay)
    {
        var required = TaskAnswerSpec.Parse(task.AnswerSpecJson).Fields.Where(f => f.IsRequiredFor(outcome)).ToList();
        if (required.Count == 0)
        {
            return null;
        }

        var data = new JsonObject();
        foreach (var field in required)
        {
            data[field.Name] = field.Type switch
            {
                "date" => Values.FromDate(answerDay),
                "number" => 1,
                _ => $"Simulerat svar: {task.Title}.",
            };
        }

        return data;
    }
}
