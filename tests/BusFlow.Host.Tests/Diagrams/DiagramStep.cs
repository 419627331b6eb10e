using System.Xml.Linq;

namespace BusFlow.Host.Tests.Diagrams;

/// <summary>A step of a workflow diagram read back from its SVG: its id, type, state, title and the text on it.</summary>
public sealed record DiagramStep(string Id, string Type, string? State, string Title, IReadOnlyList<string> Lines)
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Every g with a data-activity, with the text drawn in it but not in the steps inside it.</summary>
    public static IReadOnlyList<DiagramStep> Read(XContainer svg) =>
        [.. svg.Descendants(Svg + "g").Where(g => g.Attribute("data-activity") is not null).Select(g => new DiagramStep(
            (string)g.Attribute("data-activity")!,
            (string)g.Attribute("data-type")!,
            (string?)g.Attribute("data-state"),
            g.Element(Svg + "title")?.Value ?? "",
            [.. g.Descendants(Svg + "text").Where(t => t.Ancestors(Svg + "g").First() == g).Select(t => t.Value)]))];
}
