using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Engine.Design;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>
/// The dated timeline a draft would make in a year, computed by the simulator before publishing:
/// which task goes to whom on which day, which reminder, which due date moved off a holiday and why.
/// A GET with the year and the inputs; nothing real is touched.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class PreviewModel(DefinitionDesigner designer, IDraftPreview preview, IClock clock, EngineOptions engine) : PageModel
{
    public DefinitionDraft Draft { get; private set; } = null!;

    public IReadOnlyList<DraftPreviewLine>? Lines { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The draft's declared inputs (name, type), read from its JSON, as fields of the form.</summary>
    public IReadOnlyList<(string Name, string Type)> Inputs { get; private set; } = [];

    public int Year { get; private set; }

    public string Answer { get; private set; } = "never";

    public async Task<IActionResult> OnGetAsync(Guid id, int? ar, string? svar)
    {
        if (await designer.FindAsync(id, HttpContext.RequestAborted) is not { } draft)
        {
            return NotFound();
        }

        Draft = draft;
        Inputs = DeclaredInputs(draft.Json);
        Year = ar ?? clock.GetCurrentInstant().InZone(engine.TimeZone).Year + 1;
        Answer = svar is "first" ? "first" : "never";
        if (ar is null)
        {
            return Page();
        }

        var input = new JsonObject();
        foreach (var (name, type) in Inputs)
        {
            if (Request.Query[$"input.{name}"].ToString().Trim() is { Length: > 0 } text)
            {
                // A text that is not of the type goes as text: the preview then says why the input does not fit.
                input[name] = InputFieldText.Read(InputFieldText.TypeNamed(type), text) ?? JsonValue.Create(text);
            }
        }

        try
        {
            Lines = await preview.RunAsync(new DraftPreviewRequest(draft, Year, input, Answer, 5), HttpContext.RequestAborted);
        }
        catch (DraftPreviewException refused)
        {
            Errors = [refused.Message];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    private static IReadOnlyList<(string Name, string Type)> DeclaredInputs(string json)
    {
        try
        {
            return (JsonNode.Parse(json)?["inputs"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(i => (i["name"]?.ToString() ?? "", i["type"]?.ToString() ?? "string"))
                .Where(i => i.Item1.Length > 0)
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
