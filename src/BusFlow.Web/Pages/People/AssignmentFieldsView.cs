namespace BusFlow.Web.Pages.People;

/// <summary>The role and days inputs of an assignment form, as typed, with their errors.</summary>
public sealed record AssignmentFieldsView(string? Role, string? From, string? Until, FieldErrors Errors);
