namespace BusFlow.Notifications.Templates;

/// <summary>
/// A template's text tried before it is saved: the message it renders, or (when it has mistakes) none and
/// the mistakes, each naming its part (subject, text or html) in <see cref="TemplateError.File"/>.
/// </summary>
public sealed record TemplateTrial(RenderedMessage? Rendered, IReadOnlyList<TemplateError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
