using System.Globalization;
using System.Text;
using System.Xml;
using BusFlow.Bus.Wheel;
using BusFlow.Web.Svg;
using NodaTime;

namespace BusFlow.Web.Wheel;

/// <summary>
/// Draws a <see cref="YearWheel"/> as standalone SVG: twelve month sectors on the outer ring, one ring
/// per lane inside it, and each entry a mark at the angle of its date (360° × (day of year − 1) / days
/// in the year, 0° at the top, clockwise), a span as an arc. Every mark is drawn at the top and turned
/// to its angle, carries data-kind and data-date (and data-end for a span) and a title, and each kind
/// has a shape or stroke of its own besides its colour, explained in the legend.
/// </summary>
public static class YearWheelSvg
{
    public const string Namespace = SvgMarkup.Namespace;
    public const double Centre = 500;
    public const int Width = 1320;
    public const int Height = 1000;

    private const double MonthsOuter = 480;
    private const double MonthsInner = 430;
    private const double LanesOuter = 420;
    private const double LanesInner = 140;
    private const string Ink = "#1b1b1b";
    private const string Rule = "#767676";

    // Each colour has at least 4.5:1 contrast on white, so marks and their legend text read as well as the text does.
    private static readonly Dictionary<WheelEntryKind, string> Colours = new()
    {
        [WheelEntryKind.CollaborationMeeting] = "#1d4f91",
        [WheelEntryKind.BoardMeeting] = "#1e6b3a",
        [WheelEntryKind.Deadline] = "#a4262c",
        [WheelEntryKind.DecisionRound] = "#8a4b00",
        [WheelEntryKind.Renewal] = "#5c2d91",
        [WheelEntryKind.Election] = "#1b1b1b",
    };

    /// <summary>The angle of a day on the wheel, in degrees clockwise from the top.</summary>
    public static double AngleOf(LocalDate day) => 360.0 * (day.DayOfYear - 1) / CalendarSystem.Iso.GetDaysInYear(day.Year);

    /// <summary>The wheel as an SVG document; <paramref name="standalone"/> adds the XML declaration a file has and a page does not.</summary>
    public static string Draw(YearWheel wheel, bool standalone)
    {
        ArgumentNullException.ThrowIfNull(wheel);
        return SvgMarkup.Write(standalone, writer => new Drawing(writer, wheel).Write());
    }

    private sealed class Drawing(XmlWriter writer, YearWheel wheel)
    {
        private readonly double _laneWidth = (LanesOuter - LanesInner) / wheel.Lanes.Count;

        public void Write()
        {
            var heading = string.Format(CultureInfo.CurrentCulture, Resources.Strings.Wheel_Heading, wheel.Year);
            writer.WriteStartElement("svg", Namespace);
            writer.Attributes(("viewBox", $"0 0 {Width} {Height}"), ("width", N(Width)), ("height", N(Height)), ("role", "img"),
                ("aria-labelledby", "wheel-title wheel-desc"), ("font-family", "DejaVu Sans, Arial, Helvetica, sans-serif"), ("class", "year-wheel"));
            writer.WriteStartElement("title");
            writer.WriteAttributeString("id", "wheel-title");
            writer.WriteString($"{heading}: {wheel.AgreementTitle}");
            writer.WriteEndElement();
            writer.WriteStartElement("desc");
            writer.WriteAttributeString("id", "wheel-desc");
            writer.WriteString(string.Format(CultureInfo.CurrentCulture, Resources.Strings.Wheel_Description, wheel.AgreementTitle, wheel.Year, wheel.Entries.Count));
            writer.WriteEndElement();
            writer.Element("rect", ("x", "0"), ("y", "0"), ("width", N(Width)), ("height", N(Height)), ("fill", "#ffffff"));
            Months();
            Lanes();
            Group("marks");
            foreach (var entry in wheel.Entries)
            {
                Mark(entry);
            }

            writer.WriteEndElement();
            Centre(heading);
            Legend();
            writer.WriteEndElement();
        }

        private void Months()
        {
            Group("months");
            for (var month = 1; month <= 12; month++)
            {
                var from = AngleOf(new LocalDate(wheel.Year, month, 1));
                var to = month == 12 ? 360 : AngleOf(new LocalDate(wheel.Year, month + 1, 1));
                var (outerStart, outerEnd) = (Point(MonthsOuter, from), Point(MonthsOuter, to));
                var (innerStart, innerEnd) = (Point(MonthsInner, from), Point(MonthsInner, to));
                writer.Element("path",
                    ("d", $"M {outerStart} A {N(MonthsOuter)} {N(MonthsOuter)} 0 0 1 {outerEnd} L {innerEnd} A {N(MonthsInner)} {N(MonthsInner)} 0 0 0 {innerStart} Z"),
                    ("fill", month % 2 == 1 ? "#eeeeee" : "#ffffff"), ("stroke", Rule), ("stroke-width", "1"), ("data-month", N(month)));
                writer.Element("line", ("x1", X(LanesInner, from)), ("y1", Y(LanesInner, from)), ("x2", X(MonthsInner, from)), ("y2", Y(MonthsInner, from)),
                    ("stroke", Rule), ("stroke-width", "1"));
                var middle = (from + to) / 2;
                Text(YearWheelText.Month(month), X((MonthsOuter + MonthsInner) / 2, middle), Y((MonthsOuter + MonthsInner) / 2, middle, offset: 6), 17, "middle");
            }

            writer.WriteEndElement();
        }

        private void Lanes()
        {
            Group("lanes");
            for (var i = 0; i < wheel.Lanes.Count; i++)
            {
                var lane = wheel.Lanes[i];
                var outer = LanesOuter - (i * _laneWidth);
                writer.Element("circle", ("cx", N(YearWheelSvg.Centre)), ("cy", N(YearWheelSvg.Centre)), ("r", N(outer)), ("fill", "none"), ("stroke", Rule), ("stroke-width", "1"));
                Text(YearWheelText.LaneName(lane), N(YearWheelSvg.Centre - 8), N(YearWheelSvg.Centre - outer + (_laneWidth / 2) + 5), 14, "end", ("data-lane", lane.Owner));
            }

            writer.Element("circle", ("cx", N(YearWheelSvg.Centre)), ("cy", N(YearWheelSvg.Centre)), ("r", N(LanesInner)), ("fill", "none"), ("stroke", Rule), ("stroke-width", "1"));
            writer.WriteEndElement();
        }

        private void Mark(WheelEntry entry)
        {
            var lane = wheel.Lanes.ToList().IndexOf(wheel.LaneOf(entry));
            var inner = LanesOuter - ((lane + 1) * _laneWidth);
            var start = LocalDate.Max(entry.Start, wheel.FirstDay);
            var angle = AngleOf(start);
            writer.WriteStartElement("g");
            writer.Attributes(("class", "mark"), ("data-kind", entry.Kind.ToString()), ("data-date", Iso(entry.Start)), ("data-owner", entry.Owner),
                ("transform", $"rotate({N(angle)} {N(YearWheelSvg.Centre)} {N(YearWheelSvg.Centre)})"));
            if (entry.IsSpan)
            {
                writer.WriteAttributeString("data-end", Iso(entry.End));
            }

            writer.WriteElementString("title", YearWheelText.Summary(entry));
            var colour = Colours[entry.Kind];
            switch (entry.Kind)
            {
                case WheelEntryKind.DecisionRound or WheelEntryKind.Renewal:
                    var end = LocalDate.Min(entry.End, wheel.LastDay).PlusDays(1);
                    var sweep = Math.Min((end.Year > wheel.Year ? 360 : AngleOf(end)) - angle, 359.9);
                    Arc(inner + (_laneWidth * (entry.Kind == WheelEntryKind.Renewal ? 0.22 : 0.45)), sweep, colour, entry.Kind == WheelEntryKind.Renewal);
                    break;
                default:
                    Shape(entry.Kind, YearWheelSvg.Centre, YearWheelSvg.Centre - (entry.Kind == WheelEntryKind.Deadline || entry.Kind == WheelEntryKind.Election ? inner + (_laneWidth * 0.75) : inner + (_laneWidth / 2)), colour);
                    break;
            }

            writer.WriteEndElement();
        }

        private void Arc(double radius, double sweep, string colour, bool dashed)
        {
            var top = $"{N(YearWheelSvg.Centre)} {N(YearWheelSvg.Centre - radius)}";
            writer.Element("path", ("d", $"M {top} A {N(radius)} {N(radius)} 0 {(sweep > 180 ? 1 : 0)} 1 {Point(radius, sweep)}"), ("fill", "none"), ("stroke", colour),
                ("stroke-width", "7"), ("stroke-linecap", "butt"), ("stroke-dasharray", dashed ? "12 5" : "none"));
        }

        /// <summary>A day's mark centred on (x, y): a diamond, a circle, a downward triangle or a square.</summary>
        private void Shape(WheelEntryKind kind, double x, double y, string colour)
        {
            switch (kind)
            {
                case WheelEntryKind.CollaborationMeeting:
                    writer.Element("polygon", ("points", $"{N(x)},{N(y - 10)} {N(x + 9)},{N(y)} {N(x)},{N(y + 10)} {N(x - 9)},{N(y)}"), ("fill", colour), ("stroke", "#ffffff"), ("stroke-width", "1"));
                    break;
                case WheelEntryKind.BoardMeeting:
                    writer.Element("circle", ("cx", N(x)), ("cy", N(y)), ("r", "6"), ("fill", colour), ("stroke", "#ffffff"), ("stroke-width", "1"));
                    break;
                case WheelEntryKind.Deadline:
                    writer.Element("polygon", ("points", $"{N(x - 8)},{N(y - 7)} {N(x + 8)},{N(y - 7)} {N(x)},{N(y + 8)}"), ("fill", colour), ("stroke", "#ffffff"), ("stroke-width", "1"));
                    break;
                default:
                    writer.Element("rect", ("x", N(x - 7)), ("y", N(y - 7)), ("width", "14"), ("height", "14"), ("fill", colour), ("stroke", "#ffffff"), ("stroke-width", "1"));
                    break;
            }
        }

        private void Centre(string heading)
        {
            Text(N(wheel.Year), N(YearWheelSvg.Centre), N(YearWheelSvg.Centre + 16), 46, "middle", ("font-weight", "bold"));
            var line = 40;
            foreach (var part in Lines(wheel.AgreementTitle, 28).Prepend(heading))
            {
                Text(part, "1000", N(line), 16, "start", ("font-weight", line == 40 ? "bold" : "normal"));
                line += 22;
            }
        }

        private void Legend()
        {
            Group("legend");
            var y = 150;
            Text(Resources.Strings.Wheel_Legend, "1000", N(y), 16, "start", ("font-weight", "bold"));
            foreach (var kind in Enum.GetValues<WheelEntryKind>())
            {
                y += 34;
                if (kind is WheelEntryKind.DecisionRound or WheelEntryKind.Renewal)
                {
                    writer.Element("line", ("x1", "1000"), ("y1", N(y - 5)), ("x2", "1030"), ("y2", N(y - 5)), ("stroke", Colours[kind]), ("stroke-width", "7"),
                        ("stroke-dasharray", kind == WheelEntryKind.Renewal ? "12 5" : "none"));
                }
                else
                {
                    Shape(kind, 1015, y - 5, Colours[kind]);
                }

                Text(YearWheelText.Kind(kind), "1040", N(y), 15, "start");
            }

            writer.WriteEndElement();
        }

        private void Group(string name)
        {
            writer.WriteStartElement("g");
            writer.WriteAttributeString("class", name);
        }

        private void Text(string content, string x, string y, int size, string anchor, params (string Name, string Value)[] more)
        {
            writer.WriteStartElement("text");
            writer.Attributes(("x", x), ("y", y), ("font-size", N(size)), ("text-anchor", anchor), ("fill", Ink));
            writer.Attributes(more);
            writer.WriteString(content);
            writer.WriteEndElement();
        }

    }

    /// <summary>Words split into lines of about <paramref name="width"/> characters, for a title beside the wheel.</summary>
    private static IEnumerable<string> Lines(string words, int width)
    {
        var line = new StringBuilder();
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string Point(double radius, double angle) => $"{X(radius, angle)} {Y(radius, angle)}";

    private static string X(double radius, double angle) => N(Centre + (radius * Math.Sin(angle * Math.PI / 180)));

    private static string Y(double radius, double angle, double offset = 0) => N(Centre - (radius * Math.Cos(angle * Math.PI / 180)) + offset);

    private static string N(double value) => Math.Round(value, 3).ToString(CultureInfo.InvariantCulture);

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
