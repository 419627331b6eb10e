using BusFlow.Bus.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Host.Api.Csv;
using BusFlow.Host.Api.Errors;
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
        var agreements = api.MapGroup("/agreements");
        agreements.MapGet("/{id}/journal", ExportAsync);
        agreements.MapGet("/{id}/journal.csv", ExportCsvAsync);
    }

    private static Task<IResult> ExportAsync(
        string id, string? format, IWorkflowStore store, EngineOptions engine, IClock clock, HttpContext http, CancellationToken ct) =>
        format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => ExportWithAsync(id, store, ct, journal => Results.Ok(AgreementJournalResponse.From(journal, engine.TimeZone, clock.GetCurrentInstant()))),
            "csv" => ExportCsvAsync(id, store, engine, http, ct),
            _ => Task.FromResult(ApiProblems.BadRequest($"Unknown format '{format}' (allowed: json, csv).").ToResult()),
        };

    private static Task<IResult> ExportCsvAsync(string id, IWorkflowStore store, EngineOptions engine, HttpContext http, CancellationToken ct) =>
        ExportWithAsync(id, store, ct, journal =>
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{AgreementJournalCsv.FileName(id)}\"";
            return Results.Bytes(AgreementJournalCsv.Write(journal, engine.TimeZone).ToUtf8WithByteOrderMark(), CsvDocument.ContentType);
        });

    private static async Task<IResult> ExportWithAsync(string id, IWorkflowStore store, CancellationToken ct, Func<AgreementJournal, IResult> answer)
    {
        await using var session = await store.BeginAsync(ct);
        return await AgreementJournal.ReadAsync(session, id, ct) is { } journal
            ? answer(journal)
            : ApiProblems.NotFound($"No agreement {id}.").ToResult();
    }
}
