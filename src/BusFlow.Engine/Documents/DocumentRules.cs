using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Documents;

/// <summary>
/// Decides whether a posted file may be stored: not empty, within the size limit, of a type taken as
/// read from its content (a PDF starts with "%PDF-"; a DOCX is a ZIP with [Content_Types].xml and
/// word/document.xml; an ODT a ZIP whose "mimetype" says so), and named with that type's extension.
/// A refusal names the field and says why, in English and Swedish.
/// </summary>
public sealed class DocumentRules(DocumentLimits limits)
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public DocumentLimits Limits { get; } = limits;

    /// <summary>The types taken, as people name them: "PDF, DOCX eller ODT".</summary>
    public string AllowedText(bool swedish) =>
        JoinWithOr(Allowed().Select(t => t.Label).ToList(), swedish ? "eller" : "or");

    /// <summary>Each file of an answer for a document field of the task checked; files for other fields are ignored.</summary>
    public CheckedFiles Check(TaskAnswerSpec spec, IEnumerable<PostedFile> files)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(files);
        var documentFields = spec.Fields.Where(f => f.IsDocument).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var uploads = new Dictionary<string, DocumentUpload>(StringComparer.Ordinal);
        var problems = new List<AnswerProblem>();
        foreach (var file in files.Where(f => documentFields.Contains(f.Field) && (f.Length > 0 || f.FileName.Length > 0)))
        {
            if (Check(file, out var upload) is { } problem)
            {
                problems.Add(problem);
            }
            else
            {
                uploads[file.Field] = upload!;
            }
        }

        return new CheckedFiles(uploads, problems);
    }

    /// <summary>Why the file is refused (the field is "data.{field}"); null when it is taken, with the upload.</summary>
    public AnswerProblem? Check(PostedFile file, out DocumentUpload? upload)
    {
        ArgumentNullException.ThrowIfNull(file);
        upload = null;
        var field = $"data.{file.Field}";
        var name = CleanName(file.FileName);
        if (file.Length == 0 || file.Content.Length == 0)
        {
            return Refusal(field, $"the file '{name}' is empty", $"Filen ”{name}” är tom.");
        }

        if (file.Length > Limits.MaxBytes || file.Content.Length > Limits.MaxBytes)
        {
            var mb = SizeText(Limits.MaxBytes);
            return Refusal(field, $"the file '{name}' is larger than the {mb} allowed", $"Filen ”{name}” är större än de {mb} som tas emot.");
        }

        var allowed = Allowed();
        if (Sniff(file.Content) is not { } type || !allowed.Contains(type))
        {
            return Refusal(field, $"the file '{name}' is not a {AllowedText(swedish: false)} file", $"Filen ”{name}” är inte en {AllowedText(swedish: true)}-fil.");
        }

        if (!name.EndsWith(type.Extension, StringComparison.OrdinalIgnoreCase))
        {
            return Refusal(
                field,
                $"the file '{name}' holds a {type.Label} document but its name does not end in {type.Extension}",
                $"Filen ”{name}” innehåller ett {type.Label}-dokument men namnet slutar inte på {type.Extension}.");
        }

        upload = new DocumentUpload(name, type, file.Content, Convert.ToHexStringLower(SHA256.HashData(file.Content)));
        return null;
    }

    /// <summary>The type the content is, whatever its name says; null when it is none BusFlow knows.</summary>
    public static DocumentType? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfMagic))
        {
            return DocumentType.Pdf;
        }

        return content.StartsWith(ZipMagic) ? SniffZip(content.ToArray()) : null;
    }

    /// <summary>A size as people read it: "20 MB", "512 kB", "900 byte".</summary>
    public static string SizeText(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Format(CultureInfo.InvariantCulture, "{0:0.#} MB", bytes / (1024d * 1024d)),
        >= 1024 => string.Format(CultureInfo.InvariantCulture, "{0:0.#} kB", bytes / 1024d),
        _ => string.Format(CultureInfo.InvariantCulture, "{0} byte", bytes),
    };

    private List<DocumentType> Allowed() =>
        [.. DocumentType.All.Where(t => Limits.AllowedTypes.Contains(t.Name, StringComparer.OrdinalIgnoreCase))];

    private static DocumentType? SniffZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null)
            {
                return DocumentType.Docx;
            }

            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == DocumentType.Odt.ContentType ? DocumentType.Odt : null;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The file's own name without any folder a browser sent along, control characters or excess length.</summary>
    private static string CleanName(string fileName)
    {
        var name = new string([.. Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c))]).Trim();
        return name.Length switch
        {
            0 => "dokument",
            > 200 => name[..100] + name[^100..],
            _ => name,
        };
    }

    private static AnswerProblem Refusal(string field, string english, string swedish) => new(field, english) { MessageSv = swedish };

    private static string JoinWithOr(IReadOnlyList<string> items, string or) =>
        items.Count <= 1 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} {or} {items[^1]}";
}
