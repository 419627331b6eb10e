using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace BusFlow.Bus.Papers;

/// <summary>
/// Finds and fills the placeholders (<c>{{diarienummer}}</c>) of a Word document: in its body, headers
/// and footers. Word splits a paragraph's text into runs wherever formatting, spelling marks or an edit
/// begin, so a placeholder is looked for in the paragraph's whole text and may span several runs; the
/// value takes the formatting of the run the placeholder begins in. Line breaks in a value become breaks.
/// </summary>
public static partial class DocxPlaceholders
{
    /// <summary>The distinct placeholder names of the document, in the order they first appear.</summary>
    public static IReadOnlyList<string> Find(WordprocessingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. Paragraphs(document)
            .SelectMany(p => Placeholder().Matches(string.Concat(TextsOf(p).Select(t => t.Text))))
            .Select(m => m.Groups["name"].Value)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Puts each placeholder's value in its place; a name <paramref name="valueOf"/> has no value for (null) is left as it is.</summary>
    public static void Fill(WordprocessingDocument document, Func<string, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(valueOf);
        foreach (var paragraph in Paragraphs(document).ToList())
        {
            var texts = TextsOf(paragraph);
            var starts = new int[texts.Count];
            for (var i = 1; i < texts.Count; i++)
            {
                starts[i] = starts[i - 1] + texts[i - 1].Text.Length;
            }

            var matches = Placeholder().Matches(string.Concat(texts.Select(t => t.Text)));
            // From the last to the first, so that what is left of the paragraph before a match keeps its offsets.
            foreach (var match in matches.Reverse())
            {
                if (valueOf(match.Groups["name"].Value) is not { } value)
                {
                    continue;
                }

                var first = IndexAt(starts, match.Index);
                var last = IndexAt(starts, match.Index + match.Length - 1);
                var head = texts[first].Text[..(match.Index - starts[first])];
                var tailFrom = match.Index + match.Length - starts[last];
                var tail = texts[last].Text[tailFrom..];
                for (var i = first + 1; i <= last; i++)
                {
                    Set(texts[i], "");
                }

                Set(texts[first], head + value + (first == last ? tail : ""));
                if (first != last)
                {
                    Set(texts[last], tail);
                }
            }

            texts.Where(t => t.Text.Contains('\n', StringComparison.Ordinal)).ToList().ForEach(BreakLines);
        }
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[^{}\s]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private static IEnumerable<Paragraph> Paragraphs(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart;
        if (main is null)
        {
            yield break;
        }

        IEnumerable<OpenXmlPartRootElement?> roots = [main.Document, .. main.HeaderParts.Select(h => h.Header), .. main.FooterParts.Select(f => f.Footer)];
        foreach (var root in roots.OfType<OpenXmlPartRootElement>())
        {
            foreach (var paragraph in root.Descendants<Paragraph>())
            {
                yield return paragraph;
            }
        }
    }

    /// <summary>The paragraph's own texts: not those of a paragraph inside it (a text box).</summary>
    private static List<Text> TextsOf(Paragraph paragraph) =>
        [.. paragraph.Descendants<Text>().Where(t => t.Ancestors<Paragraph>().First() == paragraph)];

    private static int IndexAt(int[] starts, int offset)
    {
        var index = 0;
        while (index + 1 < starts.Length && starts[index + 1] <= offset)
        {
            index++;
        }

        return index;
    }

    private static void Set(Text text, string value)
    {
        text.Text = value;
        text.Space = SpaceProcessingModeValues.Preserve;
    }

    private static void BreakLines(Text text)
    {
        var lines = text.Text.ReplaceLineEndings("\n").Split('\n');
        Set(text, lines[0]);
        OpenXmlElement after = text;
        foreach (var line in lines.Skip(1))
        {
            var lineBreak = new Break();
            after.InsertAfterSelf(lineBreak);
            var next = new Text(line) { Space = SpaceProcessingModeValues.Preserve };
            lineBreak.InsertAfterSelf(next);
            after = next;
        }
    }
}
