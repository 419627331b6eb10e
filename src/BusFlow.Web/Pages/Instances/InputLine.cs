namespace BusFlow.Web.Pages.Instances;

/// <summary>One value of an instance's input: its name and its value as text.</summary>
public sealed record InputLine(string Name, string Value);
