using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Who sits in a collaboration body on a day: its members, co-opted members, chair and vice chair,
/// in role then name order. The body's secretary serves it rather than sits in it and is found with
/// ResolveRole. Output: { body, name, members: [{ personId, name, email, role }] }.
/// </summary>
public sealed class BodyMembersActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("BodyMembers", "Lists who sits in a collaboration body on a day (members, co-opted members, chair, vice chair; not its secretary). Output: { body, name, members: [{ personId, name, email, role }] }.",
    [
        Text("body", required: true, "The collaboration body id, e.g. ledningsgrupp."),
        Date("on", required: false, "The day. Default: today."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var id = RequiredText(context, "body");
        var body = await Records(context).FindBodyAsync(id, CancellationToken.None) ?? throw ActivityContext.Fail($"there is no collaboration body '{id}'");
        var holders = await Records(context).ListRoleHoldersAsync(body.Id, DateOrToday(context, "on"), CancellationToken.None);
        var members = holders
            .Where(holder => holder.Role.Role != RoleKind.Secretary)
            .Select(holder => (JsonNode?)new JsonObject
            {
                ["personId"] = holder.Person.Id,
                ["name"] = holder.Person.Name,
                ["email"] = holder.Person.Email,
                ["role"] = holder.Role.Role.ToString(),
            });
        context.Complete(new JsonObject { ["body"] = body.Id, ["name"] = body.Name, ["members"] = new JsonArray([.. members]) });
    }
}
