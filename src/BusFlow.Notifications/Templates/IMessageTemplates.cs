using System.Text.Json.Nodes;

namespace BusFlow.Notifications.Templates;

/// <summary>
/// Renders a named template in a language ("sv-SE" first, "en-GB" available) with a model.
/// Templates are files an administrator can change without a rebuild; mistakes in them are
/// reported when they are loaded, with file and line, not when a message is sent.
/// </summary>
public interface IMessageTemplates
{
    /// <summary>The names of the loaded templates, e.g. "task-assigned".</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <exception cref="KeyNotFoundException">No template of that name.</exception>
    RenderedMessage Render(string template, string language, JsonObject model);
}

/// <summary>A template's output: the subject line and both bodies.</summary>
public sealed record RenderedMessage(string Subject, string TextBody, string HtmlBody, string Language);
