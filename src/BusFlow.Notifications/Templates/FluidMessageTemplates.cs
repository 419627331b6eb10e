using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using NodaTime;

namespace BusFlow.Notifications.Templates;

/// <summary>
/// Message templates written in Liquid (Fluid), read from a folder of files named
/// <c>{name}.{language}.{part}.liquid</c>: parts <c>subject</c>, <c>text</c> and <c>html</c>,
/// languages <c>sv-SE</c> (all three parts required) and <c>en-GB</c> (optional; a template
/// without it is rendered in Swedish). Every file is parsed when the folder is loaded and every
/// mistake is reported at once in a <see cref="TemplateLoadException"/>, with file and line.
/// </summary>
/// <remarks>
/// The model's values are HTML-encoded in the html part and written as they are in the text part
/// and the subject; the subject is one line. Numbers and dates follow the language's culture.
/// </remarks>
public sealed partial class FluidMessageTemplates : IMessageTemplates
{
    public const string Swedish = "sv-SE";
    public const string English = "en-GB";
    public const string FileExtension = ".liquid";

    public const string SubjectPart = "subject";
    public const string TextPart = "text";
    public const string HtmlPart = "html";

    /// <summary>The mistake of a subject written on more than one line.</summary>
    public const string SubjectOnOneLine = "the subject is one line";

    /// <summary>The languages a template may have, Swedish first.</summary>
    public static readonly IReadOnlyList<string> Languages = [Swedish, English];

    /// <summary>The parts of one language of a template, in the order they are shown.</summary>
    public static readonly IReadOnlyList<string> Parts = [SubjectPart, TextPart, HtmlPart];

    // Encodes what HTML needs (< > & " ') and leaves å, ä, ö and every other letter as they are.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FluidParser _parser = new();
    private readonly DateTimeZone _zone;
    private readonly IReadOnlyDictionary<string, TemplateOptions> _options;
    private readonly IReadOnlyDictionary<string, TemplateOptions> _validationOptions;
    private volatile TemplateSet _templates;
    private volatile TemplateOverlay _overlay = TemplateOverlay.Empty;

    /// <summary>Loads the templates of <paramref name="folder"/>.</summary>
    /// <param name="timeZone">The zone in which instants are shown (IANA id).</param>
    /// <exception cref="TemplateLoadException">A template is broken or incomplete.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public FluidMessageTemplates(string folder, string timeZone = "Europe/Stockholm")
    {
        Folder = Path.GetFullPath(folder);
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone)
            ?? throw new ArgumentException($"Unknown time zone '{timeZone}'.", nameof(timeZone));
        _options = Languages.ToDictionary(l => l, l => CreateOptions(l, strictFilters: false), StringComparer.Ordinal);
        _validationOptions = Languages.ToDictionary(l => l, l => CreateOptions(l, strictFilters: true), StringComparer.Ordinal);
        _templates = Load();
    }

    /// <summary>The folder the templates are read from (full path).</summary>
    public string Folder { get; }

    public IReadOnlyCollection<string> Names => _templates.Names;

    /// <summary>The version ids of the saved versions now used in place of the folder's files (see <see cref="UseVersions"/>).</summary>
    public IReadOnlyDictionary<(string Name, string Language), long> VersionsInUse => _overlay.VersionIds;

    /// <summary>The text of a template's files in <paramref name="language"/>, or null when the folder has none.</summary>
    public TemplateText? FolderText(string name, string language) =>
        _templates.Sources.TryGetValue((name, language), out var text) ? text : null;

    /// <summary>
    /// Checks <paramref name="text"/> as the folder load checks a file (it parses; no unknown filter on its
    /// main path), that the subject is one line, and renders it with <paramref name="model"/>. The errors
    /// name the part (subject, text, html) in <see cref="TemplateError.File"/>; with none, the rendered message.
    /// </summary>
    public TemplateTrial Try(string language, TemplateText text, JsonObject model)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(model);
        var chosen = Normalize(language);
        var errors = new List<TemplateError>();
        if (text.Subject.Trim().Contains('\n', StringComparison.Ordinal))
        {
            errors.Add(new TemplateError(SubjectPart, 2, null, SubjectOnOneLine));
        }

        var parsed = Parts.ToDictionary(p => p, p => ParsePart(p, chosen, text.Of(p), errors), StringComparer.Ordinal);
        if (errors.Count > 0)
        {
            return new TemplateTrial(null, errors);
        }

        var parts = new TemplateParts(parsed[SubjectPart]!, parsed[TextPart]!, parsed[HtmlPart]!);
        try
        {
            return new TemplateTrial(RenderParts(parts, chosen, model), []);
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException or FormatException)
        {
            return new TemplateTrial(null, [new TemplateError(TextPart, null, null, e.Message)]);
        }
    }

    /// <summary>
    /// Uses <paramref name="versions"/> (the newest saved version of each template and language) in place
    /// of the folder's files from now on; a version that does not parse is left out (the folder's files
    /// stay in use for it) and returned, so that the caller can report it.
    /// </summary>
    public IReadOnlyList<TemplateError> UseVersions(IEnumerable<TemplateVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var errors = new List<TemplateError>();
        var parts = new Dictionary<(string, string), TemplateParts>();
        var ids = new Dictionary<(string Name, string Language), long>();
        foreach (var version in versions)
        {
            var found = new List<TemplateError>();
            var parsed = Parts.Select(p => ParsePart($"{version.Name}.{version.Language}.{p} (version {version.Number})", version.Language, version.Text.Of(p), found)).ToList();
            if (found.Count > 0 || !Languages.Contains(version.Language, StringComparer.Ordinal))
            {
                errors.AddRange(found);
                continue;
            }

            parts[(version.Name, version.Language)] = new TemplateParts(parsed[0]!, parsed[1]!, parsed[2]!);
            ids[(version.Name, version.Language)] = version.Id;
        }

        _overlay = new TemplateOverlay(parts, ids);
        return errors;
    }

    /// <summary>
    /// Reads the folder again. When it has no mistakes, the new templates replace the old ones at
    /// once; when it has, the old ones stay in use and the mistakes are thrown.
    /// </summary>
    /// <exception cref="TemplateLoadException">The folder has mistakes; nothing was changed.</exception>
    public void Reload() => _templates = Load();

    /// <summary>
    /// Renders <paramref name="template"/> in <paramref name="language"/> ("sv-SE" or "en-GB";
    /// "sv" and "en" are accepted; any other language, or English for a template without it,
    /// gives Swedish). The result's Language is the language actually used.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No template of that name.</exception>
    public RenderedMessage Render(string template, string language, JsonObject model)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);

        var set = _templates;
        if (!set.Templates.TryGetValue(template, out var languages))
        {
            throw new KeyNotFoundException($"There is no message template '{template}' in '{Folder}'.");
        }

        var overlay = _overlay;
        var chosen = Normalize(language);
        if (!overlay.Parts.TryGetValue((template, chosen), out var parts) && !languages.TryGetValue(chosen, out parts))
        {
            chosen = Swedish;
            parts = overlay.Parts.TryGetValue((template, Swedish), out var saved) ? saved : languages[Swedish];
        }

        return RenderParts(parts, chosen, model);
    }

    private RenderedMessage RenderParts(TemplateParts parts, string language, JsonObject model)
    {
        var options = _options[language];
        var context = CreateContext(options, model);
        var subject = OneLine(parts.Subject.Render(context, NullEncoder.Default));
        var text = EndWithNewline(parts.Text.Render(context, NullEncoder.Default));
        var html = EndWithNewline(parts.Html.Render(context, Html));
        return new RenderedMessage(subject, text, html, language);
    }

    private static string Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return Swedish;
        }

        var tag = language.Trim();
        if (tag.Equals(English, StringComparison.OrdinalIgnoreCase)
            || tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) && (tag.Length == 2 || tag[2] is '-' or '_'))
        {
            return English;
        }

        return Swedish;
    }

    private TemplateOptions CreateOptions(string language, bool strictFilters)
    {
        var options = new TemplateOptions
        {
            CultureInfo = CultureInfo.GetCultureInfo(language),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(_zone.Id),
            StrictFilters = strictFilters,
        };
        TemplateFilters.Register(options.Filters, _zone);
        return options;
    }

    private static TemplateContext CreateContext(TemplateOptions options, JsonObject model)
    {
        var context = new TemplateContext(options);
        foreach (var (name, value) in TemplateModel.ToDictionary(model))
        {
            context.SetValue(name, FluidValue.Create(value, options));
        }

        return context;
    }

    private static string OneLine(string subject) =>
        LineBreaks().Replace(subject, " ").Trim();

    private static string EndWithNewline(string body) =>
        body.TrimEnd() + "\n";

    private TemplateSet Load()
    {
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"The message template folder '{Folder}' does not exist.");
        }

        var errors = new List<TemplateError>();
        var sources = new Dictionary<(string, string, string), string>();
        // name -> language -> part -> parsed template
        var found = new SortedDictionary<string, Dictionary<string, Dictionary<string, IFluidTemplate?>>>(StringComparer.Ordinal);

        foreach (var path in Directory.EnumerateFiles(Folder, "*" + FileExtension).Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            if (!TryParseFileName(file, out var name, out var language, out var part, out var nameError))
            {
                errors.Add(new TemplateError(file, null, null, nameError));
                continue;
            }

            if (!found.TryGetValue(name, out var languages))
            {
                found[name] = languages = new Dictionary<string, Dictionary<string, IFluidTemplate?>>(StringComparer.Ordinal);
            }

            if (!languages.TryGetValue(language, out var parts))
            {
                languages[language] = parts = new Dictionary<string, IFluidTemplate?>(StringComparer.Ordinal);
            }

            var source = File.ReadAllText(path).ReplaceLineEndings("\n");
            sources[(name, language, part)] = source;
            // Present but broken (null): reported here, not again as missing.
            parts[part] = ParsePart(file, language, source, errors);
        }

        var templates = new Dictionary<string, IReadOnlyDictionary<string, TemplateParts>>(StringComparer.Ordinal);
        foreach (var (name, languages) in found)
        {
            if (!languages.ContainsKey(Swedish))
            {
                errors.Add(new TemplateError($"{name}.{Swedish}.*{FileExtension}", null, null,
                    $"the template '{name}' has no Swedish ({Swedish}) version; it needs {Describe(Parts)}"));
            }

            var complete = new Dictionary<string, TemplateParts>(StringComparer.Ordinal);
            foreach (var (language, parts) in languages)
            {
                var missing = Parts.Where(p => !parts.ContainsKey(p)).ToList();
                if (missing.Count > 0)
                {
                    var hint = language == Swedish ? "" : $" (leave all of them out to send the template in {Swedish})";
                    errors.AddRange(missing.Select(p => new TemplateError(FileName(name, language, p), null, null,
                        $"the template '{name}' in {language} has no {p} part: add this file{hint}")));
                    continue;
                }

                if (parts.Values.All(p => p is not null))
                {
                    complete[language] = new TemplateParts(parts[SubjectPart]!, parts[TextPart]!, parts[HtmlPart]!);
                }
            }

            templates[name] = complete;
        }

        if (errors.Count > 0)
        {
            throw new TemplateLoadException(Folder, errors);
        }

        var texts = templates.SelectMany(t => t.Value.Keys.Select(language => (t.Key, language)))
            .ToDictionary(k => k, k => new TemplateText(sources[(k.Key, k.language, SubjectPart)], sources[(k.Key, k.language, TextPart)], sources[(k.Key, k.language, HtmlPart)]));
        return new TemplateSet(templates, texts);
    }

    /// <summary>
    /// Parses one part and checks it (<see cref="Validate"/>); a mistake is added to <paramref name="errors"/>
    /// under <paramref name="file"/> and gives null. The folder load and an edit in the browser share it.
    /// </summary>
    private IFluidTemplate? ParsePart(string file, string language, string source, List<TemplateError> errors)
    {
        source = source.ReplaceLineEndings("\n");
        if (!_parser.TryParse(source, out var parsed, out var parseError))
        {
            errors.Add(ToError(file, source, parseError));
            return null;
        }

        var before = errors.Count;
        Validate(file, language, parsed, errors);
        return errors.Count == before ? parsed : null;
    }

    /// <summary>
    /// Renders a parsed file once with an empty model and strict filters, so that an unknown
    /// filter name on the template's main path is reported at load and not at send.
    /// </summary>
    private void Validate(string file, string language, IFluidTemplate template, List<TemplateError> errors)
    {
        try
        {
            template.Render(new TemplateContext(_validationOptions[language]), NullEncoder.Default);
        }
        catch (FluidException e)
        {
            errors.Add(new TemplateError(file, null, null, e.Message));
        }
    }

    private static bool TryParseFileName(string file, out string name, out string language, out string part, out string error)
    {
        name = language = part = error = "";
        var pieces = file[..^FileExtension.Length].Split('.');
        if (pieces.Length < 3 || pieces[..^2].Any(string.IsNullOrWhiteSpace))
        {
            error = $"a template file is named {{name}}.{{language}}.{{part}}{FileExtension}, e.g. task-assigned.{Swedish}.subject{FileExtension}";
            return false;
        }

        name = string.Join('.', pieces[..^2]);
        language = pieces[^2];
        part = pieces[^1];
        if (!Languages.Contains(language, StringComparer.Ordinal))
        {
            error = $"unknown language '{language}': the languages are {Describe(Languages)}";
            return false;
        }

        if (!Parts.Contains(part, StringComparer.Ordinal))
        {
            error = $"unknown part '{part}': the parts are {Describe(Parts)}";
            return false;
        }

        return true;
    }

    /// <summary>Fluid says "… at (3:16)" followed by the source; the line becomes its own field.</summary>
    private static TemplateError ToError(string file, string source, string parseError)
    {
        var message = parseError.ReplaceLineEndings("\n").Split('\n')[0].Trim();
        var position = Position().Match(message);
        if (position.Success)
        {
            message = message.Remove(position.Index, position.Length).Trim();
        }

        // An unclosed block is found at the end of the file; say where it was opened.
        if (ExpectedEnd().Match(message) is { Success: true } expected && FindUnclosed(source, expected.Groups["tag"].Value) is { } opened)
        {
            message += $" (the {{% {expected.Groups["tag"].Value} %}} on line {opened} is not closed)";
        }

        if (!position.Success)
        {
            return new TemplateError(file, null, null, message);
        }

        var line = int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture);
        var column = int.Parse(position.Groups["column"].Value, CultureInfo.InvariantCulture);
        return new TemplateError(file, line, column, message);
    }

    /// <summary>The line of the last {% tag %} that no {% endtag %} closes, if any.</summary>
    private static int? FindUnclosed(string source, string tag)
    {
        var open = new Stack<int>();
        foreach (Match match in Tag().Matches(source))
        {
            var name = match.Groups["name"].Value;
            if (name == tag)
            {
                open.Push(source.AsSpan(0, match.Index).Count('\n') + 1);
            }
            else if (name == "end" + tag && open.Count > 0)
            {
                open.Pop();
            }
        }

        return open.Count > 0 ? open.Peek() : null;
    }

    private static string FileName(string name, string language, string part) => $"{name}.{language}.{part}{FileExtension}";

    private static string Describe(IEnumerable<string> items) => string.Join(", ", items);

    [GeneratedRegex(@"\s*at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex Position();

    [GeneratedRegex(@"'\{% end(?<tag>\w+) %\}' was expected")]
    private static partial Regex ExpectedEnd();

    [GeneratedRegex(@"\{%-?\s*(?<name>\w+)")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();

    private sealed record TemplateParts(IFluidTemplate Subject, IFluidTemplate Text, IFluidTemplate Html);

    private sealed class TemplateSet(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, TemplateParts>> templates, IReadOnlyDictionary<(string Name, string Language), TemplateText> sources)
    {
        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, TemplateParts>> Templates { get; } = templates;

        public IReadOnlyDictionary<(string Name, string Language), TemplateText> Sources { get; } = sources;

        public IReadOnlyCollection<string> Names { get; } = templates.Keys.Order(StringComparer.Ordinal).ToList();
    }

    private sealed class TemplateOverlay(IReadOnlyDictionary<(string, string), TemplateParts> parts, IReadOnlyDictionary<(string Name, string Language), long> versionIds)
    {
        public static readonly TemplateOverlay Empty = new(new Dictionary<(string, string), TemplateParts>(), new Dictionary<(string Name, string Language), long>());

        public IReadOnlyDictionary<(string, string), TemplateParts> Parts { get; } = parts;

        public IReadOnlyDictionary<(string Name, string Language), long> VersionIds { get; } = versionIds;
    }
}
