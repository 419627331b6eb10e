using System.Globalization;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace BusFlow.Web.Pages.Instances;

/// <summary>
/// The timers still to fire in the coming 1, 4 or 12 weeks, soonest first (the late ones at the top,
/// with the alarm): each reminder with its task and to whom, each waiting step with its instance.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Overseer)]
public sealed class UpcomingModel(IWorkflowStore store, LateTimerWatch lateTimers, EngineOptions engine, IClock clock) : PageModel
{
    public const int MaxShown = 500;
    public static readonly IReadOnlyList<int> WeekChoices = [1, 4, 12];

    public int Weeks { get; private set; } = 4;

    public IReadOnlyList<TimerLine> Timers { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? LateAlarm { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? veckor)
    {
        var ct = HttpContext.RequestAborted;
        var late = await lateTimers.CheckAsync(ct);
        LateAlarm = InstanceText.LateAlarm(late, engine.TimeZone);
        if (veckor is { Length: > 0 })
        {
            if (!int.TryParse(veckor, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) || !WeekChoices.Contains(weeks))
            {
                Errors = [InstanceText.Format(Strings.Upcoming_BadWeeks, Strings.Upcoming_Weeks, veckor)];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            Weeks = weeks;
        }

        var now = clock.GetCurrentInstant();
        var lateBefore = now - Duration.FromTimeSpan(late.After);
        await using var session = await store.BeginAsync(ct);
        var timers = await session.ListDueTimersAsync(now + Duration.FromDays(7 * Weeks), MaxShown, ct);
        var names = (await session.ListLatestDefinitionsAsync(ct)).ToDictionary(d => d.DefinitionId, d => d.Name, StringComparer.Ordinal);
        // The listed timers' instances and tasks in two reads, not one per timer.
        var instances = (await session.ListInstancesAsync(new InstanceQuery(Take: int.MaxValue, Ids: [.. timers.Select(t => t.InstanceId).Distinct()]), ct))
            .ToDictionary(i => i.Id);
        var withTasks = timers.Where(t => t.TaskId is not null).Select(t => t.InstanceId).Distinct().ToList();
        var tasks = withTasks.Count == 0
            ? []
            : (await session.ListTasksAsync(new TaskQuery(Take: int.MaxValue, InstanceIds: withTasks), ct)).ToDictionary(t => t.Id);
        var lines = new List<TimerLine>();
        foreach (var timer in timers)
        {
            var instance = instances.GetValueOrDefault(timer.InstanceId);
            var task = timer.TaskId is { } taskId ? tasks.GetValueOrDefault(taskId) : null;
            lines.Add(new TimerLine(
                InstanceText.At(timer.DueAt, engine.TimeZone),
                InstanceText.Timer(timer, task),
                InstanceText.TimerState(timer.Status),
                timer.DueAt <= lateBefore,
                instance,
                instance is null ? null : names.GetValueOrDefault(instance.DefinitionId, instance.DefinitionId)));
        }

        Timers = lines;
        return Page();
    }
}
