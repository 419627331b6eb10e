using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Papers;

/// <summary>
/// A board's memo read from the task of a decision round that carries its facts (board-decision's
/// tasks from version 5): the matter, registration number, memo text, opinion, proposed decision and
/// case officer from the task, the recipients' names from the agreement, dated the day the task was made.
/// </summary>
public static class BoardMemo
{
    /// <summary>Whether the task carries a memo's facts: a board, a matter and its registration number (the task asking for the number has none yet).</summary>
    public static bool IsFor(HumanTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Data(task) is { } data && Text(data, "board") is not null && Text(data, "subject") is not null && Text(data, "registrationNumber") is not null;
    }

    /// <summary>The agreement the task's matter is about, if any.</summary>
    public static string? AgreementOf(HumanTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Data(task) is { } data ? Text(data, "agreement") : null;
    }

    /// <summary>The memo's facts, or null when the task carries none.</summary>
    public static async Task<MemoFacts?> FactsAsync(IBusRecords records, HumanTask task, DateTimeZone zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(task);
        if (!IsFor(task) || Data(task) is not { } data)
        {
            return null;
        }

        var boardId = Text(data, "board")!;
        var board = await records.FindBoardAsync(boardId, ct);
        var sendTo = Text(data, "agreement") is { } agreementId && await records.FindAgreementAsync(agreementId, ct) is { } agreement
            ? await RecipientNamesAsync(records, agreement, ct)
            : [];
        return new MemoFacts(
            task.CreatedAt.InZone(zone).Date,
            Text(data, "caseOfficer") ?? "",
            Text(data, "registrationNumber")!,
            board?.Name ?? boardId,
            Text(data, "subject")!,
            Text(data, "memo") ?? "",
            Text(data, "opinion") ?? "",
            Text(data, "proposedDecision") ?? "",
            sendTo);
    }

    /// <summary>The names of an agreement's recipients (boards or organizations), in its order; an unknown id as it is.</summary>
    public static async Task<IReadOnlyList<string>> RecipientNamesAsync(IBusRecords records, Agreement agreement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(agreement);
        var names = new List<string>();
        foreach (var recipient in agreement.Recipients)
        {
            names.Add((await records.FindBoardAsync(recipient, ct))?.Name ?? (await records.FindOrganizationAsync(recipient, ct))?.Name ?? recipient);
        }

        return names;
    }

    private static JsonObject? Data(HumanTask task) => task.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null;

    private static string? Text(JsonObject data, string key) => data[key] is { } value && Values.ToText(value) is { Length: > 0 } text ? text : null;
}
