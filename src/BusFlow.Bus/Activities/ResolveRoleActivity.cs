using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Finds who holds a role on a board or in a body on a day: the person asked is whoever holds it then.
/// When nobody does, a second board or body may be named to ask instead (a steering group without a
/// secretary leaves its work to the secretary of the body that meets).
/// </summary>
public sealed class ResolveRoleActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("ResolveRole", "Finds who holds a role (chair, vice chair, secretary, head of administration) on a board or in a body on a day. Output: { found, personId, name, email, role, board, boardName }.",
    [
        new PropertySpec("role", PropertyKind.Literal, DataType.String, Required: true, Description: "Chair, ViceChair, Secretary, HeadOfAdministration, Member or CoOptedMember.")
        {
            AllowedValues = Enum.GetNames<RoleKind>(),
        },
        Text("board", required: true, "The board (or body) id, e.g. sn."),
        Text("otherwise", required: false, "A board (or body) whose holder of the role is taken when nobody holds it in the first; output.board then names it."),
        Date("on", required: false, "The day. Default: today."),
        new PropertySpec("optional", PropertyKind.Literal, DataType.Boolean, Description: "When nobody holds the role: complete with found false and no person, rather than fault. Default: false."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var role = Enum.Parse<RoleKind>(context.Node.Literal<string>("role")!);
        var board = RequiredText(context, "board");
        var day = DateOrToday(context, "on");
        var otherwise = OptionalText(context, "otherwise");
        var records = Records(context);
        var person = await records.FindRoleHolderAsync(role, board, day, CancellationToken.None);
        if (person is null && otherwise is not null && await records.FindRoleHolderAsync(role, otherwise, day, CancellationToken.None) is { } stand)
        {
            (person, board) = (stand, otherwise);
        }

        if (person is null)
        {
            if (context.Node.Literal<bool?>("optional") != true)
            {
                var where = otherwise is null ? $"'{board}'" : $"'{board}' or in '{otherwise}'";
                throw ActivityContext.Fail($"nobody holds the role {role} in {where} on {day:yyyy-MM-dd}");
            }

            context.Complete(new JsonObject { ["found"] = false, ["role"] = role.ToString(), ["board"] = board });
            return;
        }

        context.Complete(new JsonObject
        {
            ["found"] = true,
            ["personId"] = person.Id,
            ["name"] = person.Name,
            ["email"] = person.Email,
            ["role"] = role.ToString(),
            ["board"] = board,
            ["boardName"] = (await records.FindBoardAsync(board, CancellationToken.None))?.Name
                ?? (await records.FindBodyAsync(board, CancellationToken.None))?.Name
                ?? board,
        });
    }
}
