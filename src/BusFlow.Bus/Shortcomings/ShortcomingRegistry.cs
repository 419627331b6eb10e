using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.Shortcomings;

/// <summary>
/// Takes reports of shortcomings in a collaboration: every field checked, every error named, and
/// nothing started while any remains. A report starts the shipped <see cref="Workflow"/>, whose
/// input is the report itself (see docs/adr/0008).
/// </summary>
public sealed class ShortcomingRegistry(WorkflowRuntime runtime, IWorkflowStore store, IClock clock, EngineOptions engine)
{
    public const string Workflow = "shortcoming";
    public const int TextMaxLength = 4000;
    public const int ContactMaxLength = 200;

    /// <param name="reporter">The reporter's address, to tell them when the report is assessed and closed.</param>
    /// <param name="actor">Who reports, for the journal: the signed-in user or the link's recipient.</param>
    public async Task<ShortcomingReportResult> ReportAsync(string agreementId, ShortcomingDraft draft, string reporter, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(reporter);
        IReadOnlyList<AgreementParty> parties;
        await using (var session = await store.BeginAsync(ct))
        {
            var records = session.Facet<IBusRecords>();
            if (await records.FindAgreementAsync(agreementId, ct) is null)
            {
                return ShortcomingReportResult.NotFound;
            }

            parties = await records.ListPartiesAsync(agreementId, ct);
        }

        var today = clock.GetCurrentInstant().InZone(engine.TimeZone).Date;
        if (Check(draft, parties, today) is { Count: > 0 } errors)
        {
            return new ShortcomingReportResult(null, errors);
        }

        var input = new JsonObject
        {
            ["agreement"] = agreementId,
            ["whatHappened"] = draft.WhatHappened!.Trim(),
            ["occurredOn"] = draft.OccurredOn!.Trim(),
            ["concerns"] = string.IsNullOrWhiteSpace(draft.Concerns) ? null : draft.Concerns.Trim(),
            ["severity"] = Enum.Parse<ShortcomingSeverity>(draft.Severity!.Trim(), ignoreCase: true).ToString(),
            ["contact"] = draft.Contact!.Trim(),
            ["reporter"] = reporter.Trim().ToLowerInvariant(),
        };
        var started = await runtime.StartAsync(new StartRequest(Workflow, input, Actor: actor), ct);
        return new ShortcomingReportResult(started.Instance.Id, []);
    }

    /// <summary>The agreement's title and parties, for the form; null when there is no such agreement.</summary>
    public async Task<ShortcomingForm?> FormAsync(string agreementId, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindAgreementAsync(agreementId, ct) is not { } agreement)
        {
            return null;
        }

        var boards = (await records.ListBoardsAsync(ct)).ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        var organizations = (await records.ListOrganizationsAsync(ct)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var parties = PartyIds(await records.ListPartiesAsync(agreementId, ct))
            .Select(id => (id, boards.GetValueOrDefault(id) ?? organizations.GetValueOrDefault(id) ?? id))
            .ToList();
        return new ShortcomingForm(agreement.Id, agreement.Title, parties);
    }

    /// <summary>The parties a report may name: the agreement's boards and organizations.</summary>
    public static IEnumerable<string> PartyIds(IEnumerable<AgreementParty> parties) =>
        parties.Select(p => p.BoardId ?? p.OrganizationId).OfType<string>();

    private static List<ShortcomingFieldError> Check(ShortcomingDraft draft, IReadOnlyList<AgreementParty> parties, LocalDate today)
    {
        var errors = new List<ShortcomingFieldError>();
        TextField(errors, "whatHappened", draft.WhatHappened, TextMaxLength);
        var occurred = draft.OccurredOn?.Trim() ?? "";
        if (occurred.Length == 0)
        {
            errors.Add(new ShortcomingFieldError("occurredOn", ShortcomingProblem.Required));
        }
        else if (LocalDatePattern.Iso.Parse(occurred) is not { Success: true } parsed)
        {
            errors.Add(new ShortcomingFieldError("occurredOn", ShortcomingProblem.BadDate));
        }
        else if (parsed.Value > today)
        {
            errors.Add(new ShortcomingFieldError("occurredOn", ShortcomingProblem.InTheFuture));
        }

        if (draft.Concerns?.Trim() is { Length: > 0 } concerns && !PartyIds(parties).Contains(concerns, StringComparer.Ordinal))
        {
            errors.Add(new ShortcomingFieldError("concerns", ShortcomingProblem.NotAParty));
        }

        var severity = draft.Severity?.Trim() ?? "";
        if (severity.Length == 0)
        {
            errors.Add(new ShortcomingFieldError("severity", ShortcomingProblem.Required));
        }
        else if (!Enum.TryParse<ShortcomingSeverity>(severity, ignoreCase: true, out var known) || !Enum.IsDefined(known) || int.TryParse(severity, out _))
        {
            errors.Add(new ShortcomingFieldError("severity", ShortcomingProblem.UnknownSeverity));
        }

        TextField(errors, "contact", draft.Contact, ContactMaxLength);
        return errors;
    }

    private static void TextField(List<ShortcomingFieldError> errors, string field, string? value, int maxLength)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(new ShortcomingFieldError(field, ShortcomingProblem.Required));
        }
        else if (text.Length > maxLength)
        {
            errors.Add(new ShortcomingFieldError(field, ShortcomingProblem.TooLong));
        }
    }
}
