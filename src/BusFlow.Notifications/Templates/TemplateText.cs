namespace BusFlow.Notifications.Templates;

/// <summary>The Liquid text of one language of a template: its subject, text and html parts.</summary>
public sealed record TemplateText(string Subject, string PlainText, string Html)
{
    /// <summary>The part named "subject", "text" or "html".</summary>
    public string Of(string part) => part switch
    {
        FluidMessageTemplates.SubjectPart => Subject,
        FluidMessageTemplates.TextPart => PlainText,
        FluidMessageTemplates.HtmlPart => Html,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "The parts are subject, text and html."),
    };
}
