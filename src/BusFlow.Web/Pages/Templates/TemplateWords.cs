using System.Globalization;
using BusFlow.Notifications.Templates;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Resources;

namespace BusFlow.Web.Pages.Templates;

/// <summary>The template pages' words for languages, parts and mistakes.</summary>
public static class TemplateWords
{
    public static string LanguageOf(string language) =>
        language == FluidMessageTemplates.English ? Strings.Template_English : Strings.Template_Swedish;

    public static string PartOf(string part) => part switch
    {
        FluidMessageTemplates.SubjectPart => Strings.Template_PreviewSubject,
        FluidMessageTemplates.TextPart => Strings.Template_PreviewText,
        FluidMessageTemplates.HtmlPart => Strings.Template_PreviewHtml,
        _ => Strings.Template_NoteColumn,
    };

    /// <summary>Each mistake at its field: "HTML, line 3: …"; a missing or long note in the reader's language.</summary>
    public static FieldErrors Of(IEnumerable<TemplateError> errors)
    {
        var fields = new FieldErrors();
        foreach (var error in errors)
        {
            var message = error.File == TemplateSaveResult.NotePart
                ? error.Message == TemplateSaveResult.NoteMissing
                    ? Strings.Template_NoteMissing
                    : string.Format(CultureInfo.CurrentCulture, Strings.Template_NoteTooLong, TemplateEditor.MaxNoteLength)
                : error.Message == FluidMessageTemplates.SubjectOnOneLine
                    ? Strings.Template_SubjectOneLine
                : error.Line is { } line
                    ? string.Format(CultureInfo.CurrentCulture, Strings.Template_ErrorAt, PartOf(error.File), line, error.Message)
                    : string.Format(CultureInfo.CurrentCulture, Strings.Template_Error, PartOf(error.File), error.Message);
            fields.Add(error.File, message);
        }

        return fields;
    }
}
