using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>The designer's paths, times and messages as a person reads them, in the engine's time zone.</summary>
internal static class DesignerText
{
    private static readonly LocalDateTimePattern LocalTime = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    public static string At(Instant at, DateTimeZone zone) => LocalTime.Format(at.InZone(zone).LocalDateTime);

    public static string DraftPath(Guid draftId) => $"/arbetsfloden/utkast/{draftId}";

    public static string Format(string format, params object?[] values) => string.Format(CultureInfo.CurrentCulture, format, values);

    /// <summary>What a preview's line is: "Uppgift skapad", "Påminnelse", …; a kind without its own text is named as it is.</summary>
    public static string Kind(BusFlow.Engine.Persistence.JournalKind? kind) => kind is { } k
        ? BusFlow.Web.Resources.Strings.ResourceManager.GetString($"PreviewKind_{k}", CultureInfo.CurrentUICulture) ?? k.ToString()
        : BusFlow.Web.Resources.Strings.Designer_PreviewMail;

    /// <summary>An id for a field of the step form: "reminders.maxAfter" → "field-reminders-maxAfter".</summary>
    public static string FieldId(string field) => "field-" + field.Replace('.', '-');
}
