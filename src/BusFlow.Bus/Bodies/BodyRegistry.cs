using BusFlow.Bus.Boards;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;

namespace BusFlow.Bus.Bodies;

/// <summary>
/// Collaboration bodies entered and changed by administrators: every field checked, every error named, and
/// nothing saved while any remains. A changed rotation is read by the next look at the body (the page, the
/// API, the Convener step of a workflow), so the preview shows it at once.
/// </summary>
public sealed class BodyRegistry(IWorkflowStore store)
{
    public async Task<BodySaveResult> CreateAsync(BodyDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await CheckAsync(draft, records, ct) is { Count: > 0 } errors)
        {
            return new BodySaveResult(null, errors);
        }

        var bodies = await records.ListBodiesAsync(ct);
        var id = BoardRules.FreeId(BoardRules.Slug($"{draft.OrganizationId!.Trim()}-{draft.Name!.Trim()}"), candidate => bodies.Any(b => b.Id == candidate));

        var body = new CollaborationBody { Id = id, Name = "" };
        Apply(body, draft);
        records.Add(body);
        await session.CommitAsync(ct);
        return new BodySaveResult(body, []);
    }

    public async Task<BodySaveResult> UpdateAsync(string id, BodyDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindBodyAsync(id, ct) is not { } body)
        {
            return BodySaveResult.NotFound;
        }

        if (await CheckAsync(draft, records, ct) is { Count: > 0 } errors)
        {
            return new BodySaveResult(null, errors);
        }

        Apply(body, draft);
        await session.CommitAsync(ct);
        return new BodySaveResult(body, []);
    }

    private static async Task<List<BodyFieldError>> CheckAsync(BodyDraft draft, IBusRecords records, CancellationToken ct)
    {
        var errors = new List<BodyFieldError>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new BodyFieldError("name", BodyProblem.Required));
        }
        else if (name.Length > BodyRules.NameMaxLength)
        {
            errors.Add(new BodyFieldError("name", BodyProblem.TooLong));
        }

        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new BodyFieldError("kind", BodyProblem.Required));
        }

        if (Blank(draft.OrganizationId) is not { } organizationId)
        {
            errors.Add(new BodyFieldError("organizationId", BodyProblem.Required));
        }
        else if (await records.FindOrganizationAsync(organizationId, ct) is null)
        {
            errors.Add(new BodyFieldError("organizationId", BodyProblem.NoOrganization));
        }

        if (Blank(draft.AgreementId) is { } agreementId && await records.FindAgreementAsync(agreementId, ct) is null)
        {
            errors.Add(new BodyFieldError("agreementId", BodyProblem.NoAgreement));
        }

        errors.AddRange(CheckRotation(draft, [.. (await records.ListBoardsAsync(ct)).Select(b => b.Id)]));
        return errors;
    }

    private static List<BodyFieldError> CheckRotation(BodyDraft draft, HashSet<string> boards)
    {
        var errors = new List<BodyFieldError>();
        var order = draft.RotationOrder ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var slot = 0; slot < order.Count; slot++)
        {
            if (order[slot] is not { Count: > 0 } ids)
            {
                errors.Add(new BodyFieldError($"rotationOrder[{slot}]", BodyProblem.Required));
                continue;
            }

            for (var i = 0; i < ids.Count; i++)
            {
                var field = $"rotationOrder[{slot}][{i}]";
                var problem = Blank(ids[i]) is not { } board ? BodyProblem.Required
                    : !boards.Contains(board) ? BodyProblem.NoBoard
                    : !seen.Add(board) ? BodyProblem.BoardTwice
                    : (BodyProblem?)null;
                if (problem is { } found)
                {
                    errors.Add(new BodyFieldError(field, found));
                }
            }
        }

        if (draft.RotationStartYear is { } year)
        {
            if (year is < BodyRules.FirstYear or > BodyRules.LastYear)
            {
                errors.Add(new BodyFieldError("rotationStartYear", BodyProblem.YearOutOfRange));
            }
            else if (order.Count == 0)
            {
                errors.Add(new BodyFieldError("rotationOrder", BodyProblem.NoOrder));
            }
        }
        else if (order.Count > 0)
        {
            errors.Add(new BodyFieldError("rotationStartYear", BodyProblem.NoStartYear));
        }

        return errors;
    }

    private static void Apply(CollaborationBody body, BodyDraft draft)
    {
        body.Name = draft.Name!.Trim();
        body.Kind = draft.Kind!.Value;
        body.OrganizationId = draft.OrganizationId!.Trim();
        body.AgreementId = Blank(draft.AgreementId);
        body.RotationOrder = [.. (draft.RotationOrder ?? []).Select(slot => slot.Select(b => b!.Trim()).ToList())];
        body.RotationStartYear = body.RotationOrder.Count > 0 ? draft.RotationStartYear : null;
    }

    private static string? Blank(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim();
}
