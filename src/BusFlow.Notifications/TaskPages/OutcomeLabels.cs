namespace BusFlow.Notifications.TaskPages;

/// <summary>The outcomes of tasks as people read them on buttons and in mail, in Swedish and English.</summary>
public static class OutcomeLabels
{
    private static readonly Dictionary<string, (string Sv, string En)> Known = new(StringComparer.Ordinal)
    {
        ["approve"] = ("Godkänn", "Approve"),
        ["reject"] = ("Avslå", "Reject"),
        ["referBack"] = ("Återremittera", "Refer back"),
        ["table"] = ("Bordlägg", "Table"),
        ["sign"] = ("Underteckna", "Sign"),
        ["ready"] = ("Klart", "Done"),
        ["done"] = ("Klart", "Done"),
        ["acknowledged"] = ("Jag har tagit del av detta", "I have read this"),
        ["submitted"] = ("Skicka in", "Submit"),
        ["accept"] = ("Det är en brist i samverkan", "It is a shortcoming"),
        ["dismiss"] = ("Det är inte en brist i samverkan", "It is not a shortcoming"),
        ["remedied"] = ("Åtgärdad", "Remedied"),
        ["close"] = ("Avsluta", "Close"),
    };

    /// <summary>The label of an outcome in a language ("sv-SE" or "en-GB"); an unknown outcome is shown as it is named.</summary>
    public static string Of(string outcome, string language) =>
        Known.TryGetValue(outcome, out var label) ? (language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? label.En : label.Sv) : outcome;
}
