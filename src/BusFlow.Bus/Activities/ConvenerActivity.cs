using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Bus.Rotation;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Who convenes a body in a year, by its rotation, and who comes next. With an agreement, also who
/// prepares the meeting for the convening party: the representative the agreement names for its first
/// board, else that board's chair. Output: { body, year, boards, names, next: { year, boards, names }, representative }.
/// </summary>
public sealed class ConvenerActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("Convener", "Finds the board(s) that convene a collaboration body in a year by its rotation, and those of the year after. Output: { body, year, boards, names, next: { year, boards, names }, representative: { personId, name, email, board } (with an agreement: the party's representative, else the board's chair) }.",
    [
        Text("body", required: true, "The collaboration body id."),
        new PropertySpec("year", PropertyKind.Expression, DataType.Integer, Description: "The year. Default: this year."),
        Text("agreement", required: false, "The agreement whose parties' representatives prepare the meeting."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var id = RequiredText(context, "body");
        var records = Records(context);
        var body = await records.FindBodyAsync(id, CancellationToken.None) ?? throw ActivityContext.Fail($"there is no collaboration body '{id}'");
        var year = context.Evaluate("year", DataType.Integer) is { } value && Values.TryGetNumber(value, out var number) ? (int)number : context.Today.Year;
        var rotation = ConvenerRotation.From(body) ?? throw ActivityContext.Fail($"'{body.Name}' has no rotating convener");
        var boards = rotation.ConvenerIn(year);
        var next = rotation.ConvenerIn(year + 1);
        var output = new JsonObject
        {
            ["body"] = body.Id,
            ["year"] = year,
            ["boards"] = List(boards),
            ["names"] = await NamesAsync(records, boards),
            ["next"] = new JsonObject { ["year"] = year + 1, ["boards"] = List(next), ["names"] = await NamesAsync(records, next) },
        };
        if (OptionalText(context, "agreement") is { } agreement)
        {
            output["representative"] = await RepresentativeAsync(context, agreement, boards[0]);
        }

        context.Complete(output);
    }

    private static async Task<string> NamesAsync(IBusRecords records, IReadOnlyList<string> boards)
    {
        var names = new List<string>();
        foreach (var board in boards)
        {
            names.Add((await records.FindBoardAsync(board, CancellationToken.None))?.Name ?? board);
        }

        return string.Join(" och ", names);
    }

    private static async Task<JsonObject> RepresentativeAsync(ActivityContext context, string agreementId, string board)
    {
        var records = Records(context);
        var named = (await records.ListPartiesAsync(agreementId, CancellationToken.None)).FirstOrDefault(p => p.BoardId == board)?.RepresentativeId;
        var person = named is not null
            ? await records.FindPersonAsync(named, CancellationToken.None)
            : await records.FindRoleHolderAsync(RoleKind.Chair, board, context.Today, CancellationToken.None);
        return person is null
            ? throw ActivityContext.Fail($"the convening board '{board}' has no representative in '{agreementId}' and no chair on {context.Today:yyyy-MM-dd}")
            : new JsonObject { ["personId"] = person.Id, ["name"] = person.Name, ["email"] = person.Email, ["board"] = board };
    }
}
