using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Tests.Wheel;

/// <summary>One mark read back from the wheel's SVG: what it is, its day, whose, the angle it is drawn at, and its title.</summary>
public sealed partial record WheelMark(string Kind, LocalDate Date, LocalDate? End, string Owner, double Angle, string Title)
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The angle a day has on the wheel by its definition: 360° × (day of year − 1) / days in the year, from the top, clockwise.</summary>
    public static double ExpectedAngle(LocalDate day) => 360.0 * (day.DayOfYear - 1) / (DateTime.IsLeapYear(day.Year) ? 366 : 365);

    public static IReadOnlyList<WheelMark> Read(XDocument svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        return [.. svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "mark").Select(g => new WheelMark(
            (string)g.Attribute("data-kind")!,
            Day((string)g.Attribute("data-date")!),
            g.Attribute("data-end") is { } end ? Day(end.Value) : null,
            (string)g.Attribute("data-owner")!,
            double.Parse(Rotation().Match((string)g.Attribute("transform")!).Groups[1].Value, CultureInfo.InvariantCulture),
            g.Element(Svg + "title")?.Value ?? ""))];
    }

    private static LocalDate Day(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    [GeneratedRegex(@"^rotate\(([-0-9.]+) 500 500\)$")]
    private static partial Regex Rotation();
}
