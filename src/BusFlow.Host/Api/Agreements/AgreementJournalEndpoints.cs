using BusFlow.Bus.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Host.Api.Csv;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using NodaTime;

namespace BusFlow.Host.Api.Agreements;

/// <summary>
/// The export of an agreement's journal for the municipality's register, as JSON (the default, or
/// ?format=json) and as CSV (journal.csv, or ?format=csv). Read only: the journal is append-only and
/// no route changes or deletes a line, so any other method on these paths is a 405.
/// </summary>
public static class AgreementJournalEndpoints
{
    public static void MapAgreementJournalEndpoints(this IEndpointRouteBuilder api)
    {
        var agreements = api.MapGroup("/agreements").RequireAuthorization(BusFlowPolicies.Reader);
        agreements.MapGet("/{id}/journal", ExportAsync);
        agreements.MapGet("/{id}/journal.csv", ExportCsvAsync);
    }

    private static Task<IResult> ExportAsync(
        string id, string? format, IWorkflowStore store, EngineOptions engine, IClock clock, HttpContext http, CancellationToken ct) =>
        format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => ExportWithAsync(id, store, http, ct, journal => Results.Ok(AgreementJournalResponse.From(journal, engine.TimeZone, clock.GetCurrentInstant()))),
            "csv" => ExportCsvAsync(id, store, engine, http, ct),
            _ => Task.FromResult(ApiProblems.BadRequest($"Unknown format '{format}' (allowed: json, csv).").ToResult()),
        };

    private static Task<IResult> ExportCsvAsync(string id, IWorkflowStore store, EngineOptions engine, HttpContext http, CancellationToken ct) =>
        ExportWithAsync(id, store, http, ct, journal =>
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{AgreementJournalCsv.FileName(id)}\"";
            return Results.Bytes(AgreementJournalCsv.Write(journal, engine.TimeZone).ToUtf8WithByteOrderMark(), CsvDocument.ContentType);
        });

    /// <summary>Administrators and viewers read every agreement's journal; a secretary those her boards are party to.</summary>
    private static async Task<IResult> ExportWithAsync(string id, IWorkflowStore store, HttpContext http, CancellationToken ct, Func<AgreementJournal, IResult> answer)
    {
        var scope = await http.RequestServices.GetRequiredService<AccountScopes>().ForAsync(http.User, ct);
        await using var session = await store.BeginAsync(ct);
        return await AgreementJournal.ReadAsync(session, id, ct) switch
        {
            null => ApiProblems.NotFound($"No agreement {id}.").ToResult(),
            { } journal when !scope.ReadsEverything && !journal.Agreement.PartyBoardIds.Any(scope.ActsForBoard) =>
                ApiProblems.Forbidden($"None of the boards you are secretary of is a party to {id}.").ToResult(),
            { } journal => answer(journal),
        };
    }
}
