using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Host.Api.Tasks;

namespace BusFlow.Host.Tests.Support;

/// <summary>
/// The secretaries of a round whose matter came without a registration number give theirs: each open
/// "registerMatter" task of board-decision answered through the API as its assignee, with "2026.0NN CODE".
/// </summary>
public static class RegistrationNumbers
{
    public const string Task = "registerMatter";

    /// <summary>The registration number a board is given here: e.g. "2026.014 SN" for sn.</summary>
    public static string Of(string board) => $"2026.014 {board.ToUpperInvariant()}";

    public static async Task GiveAllAsync(RunningHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var open = await host.Client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks?status=open&take=500", RunningHost.Json);
        foreach (var task in open!.Where(t => t.ActivityId == Task))
        {
            using var secretary = await host.ClientForAsync(task.Assignee, []);
            var data = new JsonObject { ["registrationNumber"] = Of((string)task.Data!["board"]!) };
            using var answered = await secretary.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "submitted", data });
            answered.EnsureSuccessStatusCode();
        }
    }
}
