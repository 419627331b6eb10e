using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace BusFlow.Notifications.Templates;

/// <summary>
/// The folder's templates with the newest saved version of each template and language in their place.
/// Before each render it asks the database for the newest version id, a cheap indexed question, and
/// parses the versions again only when that id has changed: a version saved on one node is used by the
/// next mail any node renders (docs/adr/0007-template-versions.md).
/// </summary>
public sealed class SavedMessageTemplates(FluidMessageTemplates folder, ITemplateVersions versions, ILogger<SavedMessageTemplates> logger) : IMessageTemplates
{
    private readonly Lock _refreshing = new();
    private long _loaded = -1;

    public IReadOnlyCollection<string> Names => folder.Names;

    public RenderedMessage Render(string template, string language, JsonObject model)
    {
        Refresh();
        return folder.Render(template, language, model);
    }

    /// <summary>Uses the newest saved versions now if any was saved since they were last read.</summary>
    public void Refresh()
    {
        var latest = versions.LatestId();
        if (latest == Interlocked.Read(ref _loaded))
        {
            return;
        }

        lock (_refreshing)
        {
            if (latest == Interlocked.Read(ref _loaded))
            {
                return;
            }

            var newest = versions.Newest();
            foreach (var error in folder.UseVersions(newest))
            {
                logger.LogError("A saved message template version does not parse; the folder's file is used instead: {TemplateError}", error.ToString());
            }

            Interlocked.Exchange(ref _loaded, Math.Max(latest, newest.Count == 0 ? 0 : newest.Max(v => v.Id)));
        }
    }
}
