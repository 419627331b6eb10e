using System.Globalization;
using BusFlow.Bus.Model;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BusFlow.Bus.Setup;

/// <summary>
/// Reads a setup file, YAML or JSON (JSON is YAML's flow style, so one parser reads both), into a
/// <see cref="SetupDocument"/>, keeping each path's line. Every field that is missing, unknown or
/// of the wrong form is a problem; reading goes on so that one run reports them all.
/// </summary>
public sealed class SetupReader
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDateTimePattern DateTimePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    private readonly string _file;
    private readonly List<SetupProblem> _problems = [];
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private SetupReader(string file) => _file = file;

    /// <param name="file">The file's name as problems should show it.</param>
    public static (SetupDocument? Document, IReadOnlyList<SetupProblem> Problems) Read(string file, string text)
    {
        var reader = new SetupReader(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException broken)
        {
            return (null, [new SetupProblem(file, (int)broken.Start.Line, "", $"not valid YAML or JSON: {broken.InnerException?.Message ?? broken.Message}")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [new SetupProblem(file, 1, "", "a setup file is a mapping with organizations, boards, people, bodies and agreements")]);
        }

        var document = reader.ReadDocument(root);
        return (reader._problems.Count == 0 ? document : null, reader._problems);
    }

    private SetupDocument ReadDocument(YamlMappingNode root)
    {
        var fields = Fields(root, "", ["organizations", "boards", "people", "bodies", "agreements"]);
        return new SetupDocument(
            List(fields, "", "organizations", ReadOrganization),
            List(fields, "", "boards", ReadBoard),
            List(fields, "", "people", ReadPerson),
            List(fields, "", "bodies", ReadBody),
            List(fields, "", "agreements", ReadAgreement))
        {
            Lines = _lines,
        };
    }

    private SetupDocument.OrganizationEntry ReadOrganization(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["id", "name", "kind"]);
        return new(Required(fields, path, "id"), Required(fields, path, "name"), Enum(fields, path, "kind", OrganizationKind.Municipality));
    }

    private SetupDocument.BoardEntry ReadBoard(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["id", "organization", "code", "name", "noticeDays", "noticeInWorkingDays", "meetingPlans", "roles"]);
        return new(
            Required(fields, path, "id"),
            Required(fields, path, "organization"),
            Required(fields, path, "code"),
            Required(fields, path, "name"),
            Integer(fields, path, "noticeDays") ?? 5,
            Boolean(fields, path, "noticeInWorkingDays") ?? false,
            List(fields, path, "meetingPlans", ReadMeetingPlan),
            List(fields, path, "roles", ReadRole));
    }

    private SetupDocument.MeetingPlanEntry ReadMeetingPlan(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["year", "meetings"]);
        return new(Integer(fields, path, "year", required: true) ?? 0, List(fields, path, "meetings", ReadMeeting));
    }

    private SetupDocument.MeetingEntry ReadMeeting(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["date", "time", "place"]);
        return new(Date(fields, path, "date") ?? default, Time(fields, path, "time") ?? new LocalTime(13, 0), Optional(fields, path, "place"));
    }

    private SetupDocument.RoleEntry ReadRole(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["person", "role", "from", "until"]);
        return new(
            Required(fields, path, "person"),
            Enum(fields, path, "role", RoleKind.Member),
            Date(fields, path, "from") ?? default,
            Date(fields, path, "until", required: false));
    }

    private SetupDocument.PersonEntry ReadPerson(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["id", "name", "email", "language"]);
        return new(Required(fields, path, "id"), Required(fields, path, "name"), Required(fields, path, "email"), Optional(fields, path, "language") ?? "sv");
    }

    private SetupDocument.BodyEntry ReadBody(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["id", "organization", "name", "kind", "agreement", "rotation", "members"]);
        int? startYear = null;
        IReadOnlyList<IReadOnlyList<string>> order = [];
        if (fields.TryGetValue("rotation", out var rotationNode))
        {
            var rotationPath = $"{path}.rotation";
            var rotation = Fields(rotationNode, rotationPath, ["startYear", "order"]);
            startYear = Integer(rotation, rotationPath, "startYear", required: true);
            order = List(rotation, rotationPath, "order", (slot, slotPath) => Texts(slot, slotPath));
        }

        return new(
            Required(fields, path, "id"),
            Optional(fields, path, "organization"),
            Required(fields, path, "name"),
            Enum(fields, path, "kind", BodyKind.WorkingGroup),
            Optional(fields, path, "agreement"),
            startYear,
            order,
            List(fields, path, "members", ReadRole));
    }

    private SetupDocument.AgreementEntry ReadAgreement(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["id", "organization", "title", "status", "validFrom", "validUntil", "predecessor", "body", "cycle", "changes", "parties", "recipients", "revisions", "decisions"]);
        return new(
            Required(fields, path, "id"),
            Optional(fields, path, "organization"),
            Required(fields, path, "title"),
            Enum(fields, path, "status", AgreementStatus.Active),
            Date(fields, path, "validFrom") ?? default,
            Date(fields, path, "validUntil") ?? default,
            Optional(fields, path, "predecessor"),
            Optional(fields, path, "body"),
            Enum(fields, path, "cycle", AgreementCycleShape.SpringAndAutumn),
            List(fields, path, "parties", ReadParty),
            fields.TryGetValue("recipients", out var recipients) ? Texts(recipients, $"{path}.recipients") : [],
            List(fields, path, "revisions", ReadRevision),
            List(fields, path, "decisions", ReadDecision),
            Enum(fields, path, "changes", AgreementChangeMode.RenewedEachMandate));
    }

    private SetupDocument.PartyEntry ReadParty(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["board", "organization", "representative", "involvement"]);
        return new(
            Optional(fields, path, "board"),
            Optional(fields, path, "organization"),
            Optional(fields, path, "representative"),
            Enum(fields, path, "involvement", PartyInvolvement.Decides));
    }

    private SetupDocument.RevisionEntry ReadRevision(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["date", "note"]);
        return new(Date(fields, path, "date") ?? default, Required(fields, path, "note"));
    }

    /// <summary>A decision on one line, its signature in the same mapping: signedBy, signedAt and proof.</summary>
    private SetupDocument.DecisionEntry ReadDecision(YamlNode node, string path)
    {
        var fields = Fields(node, path, ["board", "outcome", "date", "meeting", "paragraph", "registrationNumber", "signedBy", "signedAt", "proof"]);
        var decision = new SetupDocument.DecisionEntry(
            Required(fields, path, "board"),
            Enum(fields, path, "outcome", DecisionOutcome.Approve),
            Date(fields, path, "date") ?? default,
            Date(fields, path, "meeting", required: false),
            Optional(fields, path, "paragraph"),
            Optional(fields, path, "registrationNumber"),
            null);
        var signedBy = Optional(fields, path, "signedBy");
        var signedAt = DateTime(fields, path, "signedAt");
        var proof = Optional(fields, path, "proof");
        if (signedBy is null && fields.ContainsKey("signedAt"))
        {
            Problem($"{path}.signedAt", "signedAt without signedBy: who signed?");
        }
        else if (signedBy is not null && !fields.ContainsKey("signedAt"))
        {
            Problem($"{path}.signedBy", "signedBy without signedAt: when was it signed?");
        }
        else if (signedBy is null && proof is not null)
        {
            Problem($"{path}.proof", "proof without signedBy: a proof belongs to a signature");
        }

        return signedBy is not null && signedAt is { } at ? decision with { Signature = new(signedBy, at, proof ?? "paper") } : decision;
    }

    /// <summary>The fields of a mapping by name; an unknown name is a problem.</summary>
    private Dictionary<string, YamlNode> Fields(YamlNode node, string path, string[] known)
    {
        Remember(path, node);
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Problem(path, "expected a mapping (name: value lines)");
            return fields;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var fieldPath = path.Length == 0 ? key : $"{path}.{key}";
            Remember(fieldPath, keyNode);
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                Problem(fieldPath, $"unknown field \"{key}\" (expected one of: {string.Join(", ", known)})");
                continue;
            }

            fields[key] = value;
        }

        return fields;
    }

    private IReadOnlyList<T> List<T>(Dictionary<string, YamlNode> fields, string parent, string name, Func<YamlNode, string, T> read)
    {
        if (!fields.TryGetValue(name, out var node) || IsNull(node))
        {
            return [];
        }

        var path = parent.Length == 0 ? name : $"{parent}.{name}";
        if (node is not YamlSequenceNode sequence)
        {
            Problem(path, "expected a list");
            return [];
        }

        return [.. sequence.Children.Select((item, i) =>
        {
            var itemPath = $"{path}[{i}]";
            Remember(itemPath, item);
            return read(item, itemPath);
        })];
    }

    private IReadOnlyList<string> Texts(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Problem(path, "expected a list of ids");
            return [];
        }

        var texts = new List<string>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            Remember(itemPath, sequence.Children[i]);
            if (Scalar(sequence.Children[i], itemPath) is { } text)
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    private string Required(Dictionary<string, YamlNode> fields, string path, string name) =>
        Optional(fields, path, name) ?? Missing(path, name);

    private string Missing(string path, string name)
    {
        Problem(path, $"{name} is missing");
        return "";
    }

    private string? Optional(Dictionary<string, YamlNode> fields, string path, string name) =>
        fields.TryGetValue(name, out var node) && !IsNull(node) ? Scalar(node, $"{path}.{name}") : null;

    private string? Scalar(YamlNode node, string path)
    {
        Remember(path, node);
        if (node is YamlScalarNode { Value: { } value })
        {
            return value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        }

        Problem(path, "expected a single value");
        return null;
    }

    private int? Integer(Dictionary<string, YamlNode> fields, string path, string name, bool required = false)
    {
        var text = required ? Required(fields, path, name) : Optional(fields, path, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem($"{path}.{name}", $"\"{text}\" is not a whole number");
        return null;
    }

    private bool? Boolean(Dictionary<string, YamlNode> fields, string path, string name)
    {
        var text = Optional(fields, path, name);
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Wrong<bool?>($"{path}.{name}", $"\"{text}\" is not true or false"),
        };
    }

    private LocalDate? Date(Dictionary<string, YamlNode> fields, string path, string name, bool required = true)
    {
        var text = required ? Required(fields, path, name) : Optional(fields, path, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DatePattern.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : Wrong<LocalDate?>($"{path}.{name}", $"\"{text}\" is not a date (YYYY-MM-DD)");
    }

    private LocalDateTime? DateTime(Dictionary<string, YamlNode> fields, string path, string name)
    {
        var text = Optional(fields, path, name);
        if (text is null)
        {
            return null;
        }

        return DateTimePattern.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : Wrong<LocalDateTime?>($"{path}.{name}", $"\"{text}\" is not a local time of day (YYYY-MM-DD HH:mm)");
    }

    private LocalTime? Time(Dictionary<string, YamlNode> fields, string path, string name)
    {
        var text = Optional(fields, path, name);
        if (text is null)
        {
            return null;
        }

        return TimePattern.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : Wrong<LocalTime?>($"{path}.{name}", $"\"{text}\" is not a time (HH:mm)");
    }

    private TEnum Enum<TEnum>(Dictionary<string, YamlNode> fields, string path, string name, TEnum fallback)
        where TEnum : struct, Enum
    {
        var text = Optional(fields, path, name);
        if (text is null)
        {
            return fallback;
        }

        if (SetupNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        Problem($"{path}.{name}", $"\"{text}\" is not one of: {string.Join(", ", SetupNames.All<TEnum>())}");
        return fallback;
    }

    private T Wrong<T>(string path, string message)
    {
        Problem(path, message);
        return default!;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } scalar
        && scalar.Value is null or "" or "~" or "null";

    private void Remember(string path, YamlNode node) => _lines.TryAdd(path, (int)node.Start.Line);

    private void Problem(string path, string message) =>
        _problems.Add(new SetupProblem(_file, _lines.TryGetValue(path, out var line) ? line : LineOfParent(path), path, message));

    private int LineOfParent(string path) => new SetupDocument([], [], [], [], []) { Lines = _lines }.LineOf(path);
}
