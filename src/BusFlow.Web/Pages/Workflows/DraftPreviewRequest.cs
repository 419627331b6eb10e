using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>What to preview: the draft started on 1 January of <paramref name="Year"/> with its input, answered as chosen ("never": nobody answers).</summary>
public sealed record DraftPreviewRequest(DefinitionDraft Draft, int Year, JsonObject Input, string Answer, int AnswerAfterWorkingDays);
