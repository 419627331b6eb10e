using BusFlow.Bus.Model;
using BusFlow.Bus.Setup;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Design;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Host.Configuration;
using BusFlow.Web.Pages.Workflows;
using NodaTime;

namespace BusFlow.Host.Simulation;

/// <summary>
/// A draft's year on the simulator: the collaboration's records exported from the database and the
/// latest published definitions, with the draft in place of its own, go to a throwaway database; the
/// draft starts on 1 January and runs to the next. The real database is only read.
/// </summary>
public sealed class SimulatedDraftPreview(IWorkflowStore store, BusFlowSettings settings) : IDraftPreview
{
    public async Task<IReadOnlyList<DraftPreviewLine>> RunAsync(DraftPreviewRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var draft = request.Draft;
        var folder = Directory.CreateTempSubdirectory("busflow-preview-").FullName;
        try
        {
            var workflows = Directory.CreateDirectory(Path.Combine(folder, "workflows")).FullName;
            var setup = Path.Combine(folder, "setup.yaml");
            await using (var session = await store.BeginAsync(ct))
            {
                await File.WriteAllTextAsync(setup, SetupWriter.ToYaml(await SetupExport.ReadAsync(session.Facet<IBusRecords>(), ct)), ct);
                foreach (var published in (await session.ListLatestDefinitionsAsync(ct)).Where(d => d.DefinitionId != draft.DefinitionId))
                {
                    await File.WriteAllTextAsync(Path.Combine(workflows, DefinitionDesigner.FileName(published.DefinitionId)), published.Json, ct);
                }
            }

            await File.WriteAllTextAsync(Path.Combine(workflows, DefinitionDesigner.FileName(draft.DefinitionId)), draft.Json, ct);
            var from = new LocalDate(request.Year, 1, 1);
            var result = await WorkflowSimulation.RunAsync(
                new SimulationRequest(workflows, draft.DefinitionId, request.Input, from, from.PlusYears(1), new AnswerChoice(request.Answer), request.AnswerAfterWorkingDays, settings.TimeZone)
                {
                    SetupFile = setup,
                    StartCycles = false,
                    // The records are a copy of what is stored: their meetings before the year are history, not a plan written backwards.
                    SetupAsOf = LocalDate.MinIsoValue,
                    TemplatesFolder = Directory.Exists(settings.TemplatesFolder) ? settings.TemplatesFolder : null,
                },
                ct);
            return result.Timeline.Select(Line).ToList();
        }
        catch (DefinitionValidationException invalid)
        {
            throw new DraftPreviewException(string.Join(Environment.NewLine, invalid.Errors), invalid);
        }
        catch (WorkflowRequestException refused)
        {
            throw new DraftPreviewException(refused.Message, refused);
        }
        catch (SetupRejectedException rejected)
        {
            throw new DraftPreviewException(string.Join(Environment.NewLine, rejected.Problems), rejected);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DraftPreviewLine Line(TimelineEvent e) => new(
        e.Local,
        e.Mail is null ? e.Kind : null,
        e.Workflow,
        e.Activity,
        e.Mail?.Subject ?? e.Subject,
        e.Mail?.To ?? e.Recipient ?? (e.Recipients is { Count: > 0 } recipients ? string.Join(", ", recipients.Select(r => r.Role is null ? r.Address : $"{r.Address} ({r.Role})")) : null),
        e.Due,
        e.Detail ?? e.Outcome);
}
