using BusFlow.Engine.Persistence;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>A definition on the designer's list: its latest published version and how many of its instances are still going.</summary>
public sealed record DefinitionLine(PublishedDefinition Latest, int Going);
