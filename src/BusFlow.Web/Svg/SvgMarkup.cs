using System.Text;
using System.Xml;

namespace BusFlow.Web.Svg;

/// <summary>What the SVGs drawn on the server (the annual wheel, the workflow diagrams) share: the document's text, and elements written with their attributes.</summary>
public static class SvgMarkup
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    /// <summary>The drawing as SVG text; <paramref name="standalone"/> adds the XML declaration a file has and a page does not.</summary>
    public static string Write(bool standalone, Action<XmlWriter> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = !standalone, Indent = true, Encoding = Encoding.UTF8 };
        using (var writer = XmlWriter.Create(text, settings))
        {
            draw(writer);
        }

        // A StringBuilder is UTF-16, so the writer declares that; the file is sent as UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>An empty element with its attributes.</summary>
    public static void Element(this XmlWriter writer, string name, params (string Name, string Value)[] attributes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartElement(name);
        writer.Attributes(attributes);
        writer.WriteEndElement();
    }

    public static void Attributes(this XmlWriter writer, params (string Name, string Value)[] attributes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var (name, value) in attributes)
        {
            writer.WriteAttributeString(name, value);
        }
    }
}
