using System.Globalization;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>The designer's paths, field ids and timeline kinds; times and messages are worded as the instance pages word them (<see cref="Instances.InstanceText"/>).</summary>
internal static class DesignerText
{
    public static string DraftPath(Guid draftId) => $"/arbetsfloden/utkast/{draftId}";

    /// <summary>What a preview's line is: "Uppgift skapad", "Påminnelse", …; a kind without its own text is named as it is.</summary>
    public static string Kind(BusFlow.Engine.Persistence.JournalKind? kind) => kind is { } k
        ? BusFlow.Web.Resources.Strings.ResourceManager.GetString($"PreviewKind_{k}", CultureInfo.CurrentUICulture) ?? k.ToString()
        : BusFlow.Web.Resources.Strings.Designer_PreviewMail;

    /// <summary>A validation message in the reader's language.</summary>
    public static string Worded(BusFlow.Engine.Definitions.DefinitionMessage message) => message.ToString(CultureInfo.CurrentUICulture);

    /// <summary>An id for a field of the step form: "reminders.maxAfter" → "field-reminders-maxAfter".</summary>
    public static string FieldId(string field) => "field-" + field.Replace('.', '-');
}
