using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;

namespace BusFlow.Bus.Boards;

/// <summary>
/// Boards entered and changed by the people who keep the collaboration's records: every field checked,
/// every error named, and nothing saved while any remains. A board stays in its organization.
/// </summary>
public sealed class BoardRegistry(IWorkflowStore store)
{
    public async Task<BoardSaveResult> CreateAsync(BoardDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        var organizationId = draft.OrganizationId?.Trim() ?? "";
        var errors = new List<BoardFieldError>();
        if (organizationId.Length == 0)
        {
            errors.Add(new BoardFieldError("organizationId", BoardProblem.Required));
        }
        else if (await records.FindOrganizationAsync(organizationId, ct) is null)
        {
            errors.Add(new BoardFieldError("organizationId", BoardProblem.NoOrganization));
        }

        var boards = await records.ListBoardsAsync(ct);
        errors.AddRange(Check(draft, boards.Where(b => b.OrganizationId == organizationId)));
        if (errors.Count > 0)
        {
            return new BoardSaveResult(null, errors);
        }

        var code = draft.Code!.Trim();
        var id = BoardRules.FreeId(BoardRules.IdOf(organizationId, code), candidate => boards.Any(b => b.Id == candidate));

        var board = new Board { Id = id, OrganizationId = organizationId, Code = code, Name = draft.Name!.Trim() };
        Apply(board, draft);
        records.Add(board);
        await session.CommitAsync(ct);
        return new BoardSaveResult(board, []);
    }

    public async Task<BoardSaveResult> UpdateAsync(string id, BoardDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindBoardAsync(id, ct) is not { } board)
        {
            return BoardSaveResult.NotFound;
        }

        var others = (await records.ListBoardsAsync(ct)).Where(b => b.OrganizationId == board.OrganizationId && b.Id != board.Id);
        if (Check(draft, others) is { Count: > 0 } errors)
        {
            return new BoardSaveResult(null, errors);
        }

        Apply(board, draft);
        await session.CommitAsync(ct);
        return new BoardSaveResult(board, []);
    }

    private static List<BoardFieldError> Check(BoardDraft draft, IEnumerable<Board> sameOrganization)
    {
        var errors = new List<BoardFieldError>();
        var code = draft.Code?.Trim() ?? "";
        if (code.Length == 0)
        {
            errors.Add(new BoardFieldError("code", BoardProblem.Required));
        }
        else if (code.Length > BoardRules.CodeMaxLength)
        {
            errors.Add(new BoardFieldError("code", BoardProblem.TooLong));
        }
        else if (!BoardRules.IsCode(code))
        {
            errors.Add(new BoardFieldError("code", BoardProblem.BadCode));
        }
        else if (sameOrganization.Any(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new BoardFieldError("code", BoardProblem.CodeTaken));
        }

        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new BoardFieldError("name", BoardProblem.Required));
        }
        else if (name.Length > BoardRules.NameMaxLength)
        {
            errors.Add(new BoardFieldError("name", BoardProblem.TooLong));
        }

        if (draft.NoticeDays is not { } days)
        {
            errors.Add(new BoardFieldError("noticeDays", BoardProblem.Required));
        }
        else if (days is < 0 or > BoardRules.MaxNoticeDays)
        {
            errors.Add(new BoardFieldError("noticeDays", BoardProblem.NoticeOutOfRange));
        }

        return errors;
    }

    private static void Apply(Board board, BoardDraft draft)
    {
        board.Code = draft.Code!.Trim();
        board.Name = draft.Name!.Trim();
        board.NoticeDays = draft.NoticeDays!.Value;
        board.NoticeInWorkingDays = draft.NoticeInWorkingDays;
    }
}
