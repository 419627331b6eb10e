namespace BusFlow.Bus.People;

/// <summary>A person's particulars as someone entered them, before they are checked. Language is "sv" or "en"; none means Swedish.</summary>
public sealed record PersonDraft(string? Name, string? Email, string? Language);
