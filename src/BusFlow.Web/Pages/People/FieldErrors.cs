namespace BusFlow.Web.Pages.People;

/// <summary>
/// A form's errors, each with the input it belongs to: listed together in the summary at the top and shown
/// again next to their field (aria-describedby), so that nobody has to match a message to a field.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Message)> _errors = [];

    public static FieldErrors None { get; } = new();

    public IReadOnlyList<string> Summary => [.. _errors.Select(e => e.Message)];

    public bool Any => _errors.Count > 0;

    /// <summary>Each error with its field, for a summary that links to the input.</summary>
    public IReadOnlyList<(string Field, string Message)> All => _errors;

    public void Add(string field, string message) => _errors.Add((field, message));

    /// <summary>The message for an input, or null when it has none.</summary>
    public string? Of(string field) =>
        _errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    /// <summary>"true" for aria-invalid on an input in error; null leaves the attribute out.</summary>
    public string? Invalid(string field) => Of(field) is null ? null : "true";

    /// <summary>The id of the message for aria-describedby, or null leaving the attribute out.</summary>
    public string? DescribedBy(string field, string inputId) => Of(field) is null ? null : inputId + "-error";
}
