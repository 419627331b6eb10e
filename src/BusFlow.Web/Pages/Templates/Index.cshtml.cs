using BusFlow.Engine.Time;
using BusFlow.Notifications.Templates;
using BusFlow.Web.Pages.Instances;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace BusFlow.Web.Pages.Templates;

/// <summary>The mail templates for administrators: each with its languages, whether the folder's file or a saved version is used, and the latest saved version.</summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class TemplatesModel(IEnumerable<TemplateEditor> editors, EngineOptions engine) : PageModel
{
    public IReadOnlyList<TemplateRow> Templates { get; private set; } = [];

    public string Local(Instant at) => InstanceText.At(at, engine.TimeZone);

    public async Task OnGetAsync()
    {
        if (editors.FirstOrDefault() is not { } editor)
        {
            return;
        }

        var newest = await editor.NewestAsync(HttpContext.RequestAborted);
        Templates = [.. editor.Names.Order(StringComparer.Ordinal).Select(name =>
        {
            var saved = newest.Where(v => v.Name == name).ToDictionary(v => v.Language, StringComparer.Ordinal);
            var languages = FluidMessageTemplates.Languages
                .Where(l => editor.InFolder(name, l) || saved.ContainsKey(l))
                .Select(l => new TemplateLanguageRow(l, saved.GetValueOrDefault(l)))
                .ToList();
            return new TemplateRow(name, languages, saved.Values.MaxBy(v => v.SavedAt));
        })];
    }
}

/// <summary>One template on the list: its languages, each with the saved version in use (null: the folder's file), and its latest saved version.</summary>
public sealed record TemplateRow(string Name, IReadOnlyList<TemplateLanguageRow> Languages, TemplateVersion? Latest);

/// <summary>One language of a template and the saved version used for it, or null when the folder's file is used.</summary>
public sealed record TemplateLanguageRow(string Language, TemplateVersion? Saved);
