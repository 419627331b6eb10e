using BusFlow.Engine.Definitions;

namespace BusFlow.Engine.Design;

/// <summary>A field whose text could not be read: its form name ("due", "reminders.maxAfter") and why.</summary>
public sealed record DraftFieldError(string Field, DefinitionMessage Message);
