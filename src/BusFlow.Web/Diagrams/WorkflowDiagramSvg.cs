using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Web.Svg;

namespace BusFlow.Web.Diagrams;

/// <summary>
/// Draws a definition's steps top to bottom as SVG: a Sequence stacks its children with arrows between
/// them; a step with several child slots (Parallel, If, Switch, …) draws its branches side by side under
/// their names and joins them below; a loop (a child slot with a local variable, as ForEach and While have)
/// is a frame around its body. Tasks (title, role, assignee, outcomes) and waits have a look of their own,
/// and their kind is written on them. Every step is a g with data-activity, data-type, data-state and its
/// own title; passed and current steps say so in text (✓, ▶) besides their colour.
/// </summary>
public static class WorkflowDiagramSvg
{
    public const string Namespace = SvgMarkup.Namespace;
    public const double StepWidth = 250;

    private const double LineHeight = 17;
    private const double Padding = 10;
    private const double Gap = 30;
    private const double ColumnGap = 22;
    private const double FramePadding = 12;
    private const double Margin = 16;
    private const int CharactersPerLine = 30;
    private const string Ink = "#1b1b1b";
    private const string Rule = "#595959";

    // Every colour has at least 4.5:1 contrast against the fills it is drawn on, and none is the only sign of anything.
    private const string Passed = "#1e6b3a";
    private const string Current = "#1d4f91";
    private const string Loop = "#5c2d91";
    private const string Waiting = "#8a4b00";

    /// <summary>The diagram as SVG; <paramref name="idPrefix"/> keeps its title's id unique when a page shows two.</summary>
    public static string Draw(WorkflowDefinition definition, ActivityRegistry registry, DiagramProgress? progress = null, string idPrefix = "diagram", bool standalone = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(registry);
        return SvgMarkup.Write(standalone, writer => new Drawing(writer, definition, registry, progress ?? DiagramProgress.None, idPrefix).Write());
    }

    /// <summary>What a step's box says of its kind: "Task" as "Uppgift", a module's own types by their name.</summary>
    public static string KindOf(string type) => type switch
    {
        "Sequence" => Resources.Strings.Diagram_Kind_Sequence,
        "Parallel" => Resources.Strings.Diagram_Kind_Parallel,
        "If" => Resources.Strings.Diagram_Kind_If,
        "Switch" => Resources.Strings.Diagram_Kind_Switch,
        "ForEach" => Resources.Strings.Diagram_Kind_ForEach,
        "While" => Resources.Strings.Diagram_Kind_While,
        "Task" => Resources.Strings.Diagram_Kind_Task,
        "WaitUntil" => Resources.Strings.Diagram_Kind_WaitUntil,
        "Delay" => Resources.Strings.Diagram_Kind_Delay,
        "WaitForSignal" => Resources.Strings.Diagram_Kind_WaitForSignal,
        "StartWorkflow" => Resources.Strings.Diagram_Kind_StartWorkflow,
        "SetVariable" => Resources.Strings.Diagram_Kind_SetVariable,
        "Fail" => Resources.Strings.Diagram_Kind_Fail,
        _ => type,
    };

    private static bool IsWait(string type) =>
        type is "WaitUntil" or "Delay" or "WaitForSignal" || type.Contains("Timer", StringComparison.Ordinal) || type.StartsWith("Wait", StringComparison.Ordinal);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.CurrentCulture, format, args);

    // The comparisons and logic of the expression language, written between their operands.
    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["equals"] = "=",
        ["notEquals"] = "≠",
        ["lessThan"] = "<",
        ["greaterThan"] = ">",
        ["in"] = "in",
        ["and"] = "and",
        ["or"] = "or",
    };

    /// <summary>A setting as a person reads it: text as it is, a reference by its path, a comparison between its operands, anything else as compact JSON.</summary>
    private static string Brief(JsonNode? value) => value switch
    {
        JsonObject reference when reference["ref"] is JsonValue path && path.TryGetValue<string>(out var text) => reference.Count == 1 ? text : $"{text} …",
        JsonObject { Count: 1 } logic when logic.First() is { Key: var name, Value: JsonArray operands } && Operators.TryGetValue(name, out var sign) =>
            string.Join($" {sign} ", operands.Select(Operand)),
        JsonObject { Count: 1 } negation when negation["not"] is { } inner => $"not ({Brief(inner)})",
        _ => DefinitionComparison.Compact(value),
    };

    /// <summary>An operand of a comparison: text in quotes, so that "approve" reads as a value and not as a name.</summary>
    private static string Operand(JsonNode? value) => value is JsonValue text && text.TryGetValue<string>(out var words)
        ? $"\"{words}\""
        : value is JsonObject { Count: 1 } inner && inner.First().Key is "and" or "or" ? $"({Brief(value)})" : Brief(value);

    /// <summary>Words in lines of at most <see cref="CharactersPerLine"/> characters; what does not fit in <paramref name="most"/> lines ends in "…".</summary>
    private static List<string> Wrap(string words, int most)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var piece = word.Length > CharactersPerLine ? word[..(CharactersPerLine - 1)] + "…" : word;
            if (line.Length > 0 && line.Length + 1 + piece.Length > CharactersPerLine)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(piece);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        if (lines.Count > most)
        {
            var last = lines[most - 1];
            lines = [.. lines.Take(most - 1), (last.Length >= CharactersPerLine ? last[..(CharactersPerLine - 1)] : last) + "…"];
        }

        return lines;
    }

    private sealed class Drawing(XmlWriter writer, WorkflowDefinition definition, ActivityRegistry registry, DiagramProgress progress, string idPrefix)
    {
        private readonly IReadOnlyDictionary<string, JsonObject> _json = DefinitionJson.ActivityObjects(definition);
        private readonly XmlWriter _writer = writer;

        public void Write()
        {
            var root = Measure(definition.Root);
            var width = root.Width + (2 * Margin);
            var height = root.Height + (2 * Margin);
            _writer.WriteStartElement("svg", Namespace);
            _writer.Attributes(("viewBox", $"0 0 {N(width)} {N(height)}"), ("width", N(width)), ("height", N(height)), ("role", "img"),
                ("aria-labelledby", $"{idPrefix}-title {idPrefix}-desc"), ("font-family", "DejaVu Sans, Arial, Helvetica, sans-serif"), ("class", "workflow-diagram"));
            _writer.WriteStartElement("title");
            _writer.WriteAttributeString("id", $"{idPrefix}-title");
            _writer.WriteString(Format(Resources.Strings.Diagram_Title, definition.Name, definition.Version));
            _writer.WriteEndElement();
            _writer.WriteStartElement("desc");
            _writer.WriteAttributeString("id", $"{idPrefix}-desc");
            var passed = definition.Activities.Keys.Count(progress.Passed.Contains);
            var current = definition.Activities.Keys.Count(progress.Current.Contains);
            _writer.WriteString(Format(Resources.Strings.Diagram_Description, definition.Activities.Count, passed, current));
            _writer.WriteEndElement();
            _writer.Element("rect", ("x", "0"), ("y", "0"), ("width", N(width)), ("height", N(height)), ("fill", "#ffffff"));
            root.Draw(Margin, Margin);
            _writer.WriteEndElement();
        }

        private Block Measure(ActivityNode node)
        {
            var slots = (registry.Find(node.Type)?.Descriptor.Properties ?? [])
                .Where(p => p.Kind is PropertyKind.Activity or PropertyKind.Activities or PropertyKind.ActivityMap)
                .ToList();
            if (node.Type == "Sequence")
            {
                return new Stack(this, node, [.. slots.SelectMany(s => node.ChildList(s.Name)).Select(Measure)]);
            }

            if (slots.Count == 1 && slots[0] is { Kind: PropertyKind.Activity, LocalNameFrom: not null } body && node.Child(body.Name) is { } child)
            {
                return new Frame(this, node, Measure(child));
            }

            var branches = new List<(string Name, Block Block)>();
            foreach (var slot in slots)
            {
                switch (slot.Kind)
                {
                    case PropertyKind.Activity when node.Child(slot.Name) is { } single:
                        branches.Add((BranchName(slot.Name), Measure(single)));
                        break;
                    case PropertyKind.Activities:
                        var list = node.ChildList(slot.Name);
                        branches.AddRange(list.Select((item, i) => (Format(Resources.Strings.Diagram_Branch, i + 1), Measure(item))));
                        break;
                    case PropertyKind.ActivityMap:
                        branches.AddRange(node.ChildMap(slot.Name).Select(c => (Format(Resources.Strings.Diagram_Case, c.Key), Measure(c.Value))));
                        break;
                }
            }

            return branches.Count == 0 ? new Box(this, node) : new Branches(this, node, branches);
        }

        private static string BranchName(string property) => property switch
        {
            "then" => Resources.Strings.Diagram_Then,
            "else" => Resources.Strings.Diagram_Else,
            "default" => Resources.Strings.Diagram_Default,
            _ => property,
        };

        private string? Setting(ActivityNode node, string property) =>
            _json.TryGetValue(node.Id, out var json) && json.TryGetPropertyValue(property, out var value) ? Brief(value) : null;

        /// <summary>What a step says below its kind and id: each text in full, for its title, and the lines its box gives it at most.</summary>
        private List<(string Text, int Lines)> Details(ActivityNode node)
        {
            var details = new List<(string Text, int Lines)>();
            void Add(string format, string property, int lines = 1)
            {
                if (Setting(node, property) is { } value)
                {
                    details.Add((Format(format, value), lines));
                }
            }

            switch (node.Type)
            {
                case "Task":
                    Add("{0}", "title", 2);
                    Add(Resources.Strings.Diagram_Role, "role");
                    Add(Resources.Strings.Diagram_Assignee, "assignee");
                    if (_json.TryGetValue(node.Id, out var task) && task["outcomes"] is JsonArray outcomes)
                    {
                        details.Add((Format(Resources.Strings.Diagram_Outcomes, string.Join(", ", outcomes.Select(DefinitionComparison.Compact))), 2));
                    }

                    break;
                case "WaitUntil":
                    Add(Resources.Strings.Diagram_Until, Setting(node, "date") is null ? "at" : "date");
                    Add(Resources.Strings.Diagram_Time, "time");
                    break;
                case "Delay":
                    Add(Resources.Strings.Diagram_Duration, "duration");
                    break;
                case "WaitForSignal":
                    Add(Resources.Strings.Diagram_Signal, "signal");
                    break;
                case "StartWorkflow":
                    Add(Resources.Strings.Diagram_Workflow, "workflow");
                    break;
                case "SetVariable":
                    Add(Resources.Strings.Diagram_Variable, "variable");
                    break;
                case "If" or "While":
                    Add(Resources.Strings.Diagram_Condition, "condition", 2);
                    break;
                case "Switch":
                    Add(Resources.Strings.Diagram_Value, "value", 2);
                    break;
                case "ForEach":
                    Add(Resources.Strings.Diagram_Items, "items", 2);
                    break;
                case "Parallel":
                    Add(Resources.Strings.Diagram_WaitFor, "waitFor");
                    break;
                case "Fail":
                    Add("{0}", "message", 2);
                    break;
            }

            return details;
        }

        private string? State(ActivityNode node) =>
            progress.Current.Contains(node.Id) ? "current" : progress.Passed.Contains(node.Id) ? "passed" : null;

        private static string? StateText(string? state) => state switch
        {
            "current" => Resources.Strings.Diagram_Current,
            "passed" => Resources.Strings.Diagram_Passed,
            _ => null,
        };

        /// <summary>Opens a step's group with its id, type, state and a title that says all its box says.</summary>
        private void OpenStep(ActivityNode node, string kind, IEnumerable<(string Text, int Lines)> details)
        {
            var state = State(node);
            _writer.WriteStartElement("g");
            _writer.Attributes(("class", $"step {kind}"), ("data-activity", node.Id), ("data-type", node.Type));
            if (state is not null)
            {
                _writer.WriteAttributeString("data-state", state);
            }

            var said = new[] { $"{KindOf(node.Type)} {node.Id}" }.Concat(details.Select(d => d.Text)).Append(StateText(state) ?? "").Where(s => s.Length > 0);
            _writer.WriteElementString("title", string.Join(". ", said));
        }

        private void Arrow(double x, double from, double to)
        {
            _writer.Element("line", ("x1", N(x)), ("y1", N(from)), ("x2", N(x)), ("y2", N(to - 7)), ("stroke", Rule), ("stroke-width", "1.5"));
            _writer.Element("path", ("d", $"M {N(x - 5)} {N(to - 8)} L {N(x + 5)} {N(to - 8)} L {N(x)} {N(to)} Z"), ("fill", Rule));
        }

        private void Line(double x1, double y1, double x2, double y2) =>
            _writer.Element("line", ("x1", N(x1)), ("y1", N(y1)), ("x2", N(x2)), ("y2", N(y2)), ("stroke", Rule), ("stroke-width", "1.5"));

        private void Text(string content, double x, double y, double size, string colour = Ink, bool bold = false, string anchor = "start")
        {
            _writer.WriteStartElement("text");
            _writer.Attributes(("x", N(x)), ("y", N(y)), ("font-size", N(size)), ("fill", colour), ("text-anchor", anchor));
            if (bold)
            {
                _writer.WriteAttributeString("font-weight", "bold");
            }

            _writer.WriteString(content);
            _writer.WriteEndElement();
        }

        private abstract class Block
        {
            public double Width { get; protected init; }

            public double Height { get; protected init; }

            /// <summary>Draws the block with its top left corner at (x, y); it is entered at the top centre and left at the bottom centre.</summary>
            public abstract void Draw(double x, double y);
        }

        /// <summary>A step's box: its kind, id, details and state, one line each; a task and a wait look unlike the rest.</summary>
        private sealed class Box : Block
        {
            private readonly Drawing _drawing;
            private readonly ActivityNode _node;
            private readonly List<(string Text, int Lines)> _details;
            private readonly List<string> _lines;
            private readonly bool _group;

            public Box(Drawing drawing, ActivityNode node, bool group = true)
            {
                (_drawing, _node, _group) = (drawing, node, group);
                _details = drawing.Details(node);
                _lines = [.. _details.SelectMany(d => Wrap(d.Text, d.Lines))];
                var lines = 2 + _lines.Count + (drawing.State(node) is null ? 0 : 1);
                Width = StepWidth;
                Height = (2 * Padding) + (lines * LineHeight) - 3;
            }

            public string Kind => _node.Type == "Task" ? "task" : IsWait(_node.Type) ? "wait" : "activity";

            public override void Draw(double x, double y)
            {
                var state = _drawing.State(_node);
                if (_group)
                {
                    _drawing.OpenStep(_node, Kind, _details);
                }

                var (fill, stroke, dash, radius) = Kind switch
                {
                    "task" => ("#e8f0fb", Current, "none", "6"),
                    "wait" => ("#fff4e0", Waiting, "6 4", "16"),
                    _ => ("#ffffff", Rule, "none", "3"),
                };
                var strokeWidth = state == "current" ? "4" : Kind == "activity" ? "1.5" : "2";
                _drawing._writer.Element("rect", ("x", N(x)), ("y", N(y)), ("width", N(Width)), ("height", N(Height)), ("rx", radius),
                    ("fill", fill), ("stroke", state == "current" ? Current : stroke), ("stroke-width", strokeWidth), ("stroke-dasharray", dash));
                if (state == "passed")
                {
                    _drawing._writer.Element("rect", ("x", N(x)), ("y", N(y)), ("width", "6"), ("height", N(Height)), ("fill", Passed));
                }

                var left = x + Padding + 4;
                var line = y + Padding + 12;
                _drawing.Text(KindOf(_node.Type), left, line, 13, bold: true);
                line += LineHeight;
                var name = _drawing._json.TryGetValue(_node.Id, out var json) && json["displayName"] is JsonValue shown && shown.TryGetValue<string>(out var displayName)
                    ? $"{_node.Id} · {displayName}"
                    : _node.Id;
                _drawing.Text(Wrap(name, 1)[0], left, line, 12, bold: false);
                foreach (var detail in _lines)
                {
                    line += LineHeight;
                    _drawing.Text(detail, left, line, 12);
                }

                if (StateText(state) is { } said)
                {
                    line += LineHeight;
                    _drawing.Text(said, left, line, 12, state == "passed" ? Passed : Current, bold: true);
                }

                if (_group)
                {
                    _drawing._writer.WriteEndElement();
                }
            }
        }

        /// <summary>A Sequence: its steps one under the other, an arrow between each two.</summary>
        private sealed class Stack : Block
        {
            private readonly Drawing _drawing;
            private readonly ActivityNode _node;
            private readonly IReadOnlyList<Block> _steps;

            public Stack(Drawing drawing, ActivityNode node, IReadOnlyList<Block> steps)
            {
                (_drawing, _node, _steps) = (drawing, node, steps);
                Width = steps.Count == 0 ? StepWidth : steps.Max(s => s.Width);
                Height = steps.Count == 0 ? 2 * LineHeight : steps.Sum(s => s.Height) + (Gap * (steps.Count - 1));
            }

            public override void Draw(double x, double y)
            {
                _drawing.OpenStep(_node, "sequence", []);
                var centre = x + (Width / 2);
                if (_steps.Count == 0)
                {
                    _drawing.Text(Resources.Strings.Diagram_NoSteps, centre, y + LineHeight, 12, anchor: "middle");
                }

                var top = y;
                for (var i = 0; i < _steps.Count; i++)
                {
                    if (i > 0)
                    {
                        _drawing.Arrow(centre, top - Gap, top);
                    }

                    _steps[i].Draw(centre - (_steps[i].Width / 2), top);
                    top += _steps[i].Height + Gap;
                }

                _drawing._writer.WriteEndElement();
            }
        }

        /// <summary>A loop: its own box at the top of a frame that holds its body, with the way back drawn on the right.</summary>
        private sealed class Frame : Block
        {
            private readonly Drawing _drawing;
            private readonly ActivityNode _node;
            private readonly Box _head;
            private readonly Block _body;

            public Frame(Drawing drawing, ActivityNode node, Block body)
            {
                (_drawing, _node, _body) = (drawing, node, body);
                _head = new Box(drawing, node, group: false);
                Width = Math.Max(_head.Width, body.Width) + (2 * FramePadding) + 20;
                Height = FramePadding + _head.Height + Gap + body.Height + FramePadding + LineHeight + 4;
            }

            public override void Draw(double x, double y)
            {
                _drawing.OpenStep(_node, "loop", _drawing.Details(_node));
                _drawing._writer.Element("rect", ("x", N(x)), ("y", N(y)), ("width", N(Width)), ("height", N(Height)), ("rx", "12"),
                    ("fill", "none"), ("stroke", Loop), ("stroke-width", "2"));
                var centre = x + (Width / 2);
                var headTop = y + FramePadding;
                _head.Draw(centre - (_head.Width / 2), headTop);
                var bodyTop = headTop + _head.Height + Gap;
                _drawing.Arrow(centre, bodyTop - Gap, bodyTop);
                _body.Draw(centre - (_body.Width / 2), bodyTop);
                var bottom = bodyTop + _body.Height;
                var right = x + Width - 10;
                _drawing.Line(centre, bottom, centre, bottom + 8);
                _drawing.Line(centre, bottom + 8, right, bottom + 8);
                _drawing.Line(right, bottom + 8, right, headTop + (_head.Height / 2));
                _drawing._writer.Element("path", ("d", $"M {N(right)} {N(headTop + (_head.Height / 2) - 1)} l -5 9 l 10 0 Z"), ("fill", Loop));
                _drawing.Text(Resources.Strings.Diagram_Repeats, x + Width - 16, y + Height - 8, 12, Loop, bold: true, anchor: "end");
                _drawing._writer.WriteEndElement();
            }
        }

        /// <summary>Branches side by side under their names, split below the step's box and joined again under them.</summary>
        private sealed class Branches : Block
        {
            private const double LabelHeight = 22;

            private readonly Drawing _drawing;
            private readonly ActivityNode _node;
            private readonly Box _head;
            private readonly List<(string Name, Block Block, double Width)> _columns;

            public Branches(Drawing drawing, ActivityNode node, IEnumerable<(string Name, Block Block)> branches)
            {
                (_drawing, _node) = (drawing, node);
                _head = new Box(drawing, node, group: false);
                _columns = [.. branches.Select(b => (Name: Wrap(b.Name, 1)[0], b.Block, Width: Math.Max(b.Block.Width, 150)))];
                var columns = _columns.Sum(c => c.Width) + (ColumnGap * (_columns.Count - 1));
                Width = Math.Max(_head.Width, columns);
                Height = _head.Height + Gap + LabelHeight + _columns.Max(c => c.Block.Height) + Gap;
            }

            public override void Draw(double x, double y)
            {
                _drawing.OpenStep(_node, "branches", _drawing.Details(_node));
                var centre = x + (Width / 2);
                _head.Draw(centre - (_head.Width / 2), y);
                var split = y + _head.Height + (Gap / 2);
                var columnsWidth = _columns.Sum(c => c.Width) + (ColumnGap * (_columns.Count - 1));
                var left = centre - (columnsWidth / 2);
                var centres = new List<double>();
                foreach (var column in _columns)
                {
                    centres.Add(left + (column.Width / 2));
                    left += column.Width + ColumnGap;
                }

                var join = y + Height - (Gap / 2);
                _drawing.Line(centre, y + _head.Height, centre, split);
                _drawing.Line(centres[0], split, centres[^1], split);
                _drawing.Line(centres[0], join, centres[^1], join);
                _drawing.Line(centre, join, centre, y + Height);
                var top = split + (Gap / 2) + LabelHeight;
                for (var i = 0; i < _columns.Count; i++)
                {
                    var (name, block, _) = _columns[i];
                    _drawing.Line(centres[i], split, centres[i], top - LabelHeight);
                    _drawing.Text(name, centres[i], top - 7, 12, bold: true, anchor: "middle");
                    block.Draw(centres[i] - (block.Width / 2), top);
                    _drawing.Line(centres[i], top + block.Height, centres[i], join);
                }

                _drawing._writer.WriteEndElement();
            }
        }
    }
}
