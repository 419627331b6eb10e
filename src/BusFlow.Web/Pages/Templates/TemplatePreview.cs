using BusFlow.Notifications.Templates;

namespace BusFlow.Web.Pages.Templates;

/// <summary>
/// One language's preview beside the editor: the message the sample task renders (null when the text has
/// mistakes), whether it is the form's unsaved text, and whether the language is missing and Swedish is sent.
/// </summary>
public sealed record TemplatePreview(string Language, RenderedMessage? Rendered, bool Unsaved, bool SentInSwedish);
