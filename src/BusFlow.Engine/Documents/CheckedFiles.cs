using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Documents;

/// <summary>The files of an answer after <see cref="DocumentRules"/>: those taken, by field, and why the others were refused.</summary>
public sealed record CheckedFiles(IReadOnlyDictionary<string, DocumentUpload> Uploads, IReadOnlyList<AnswerProblem> Problems)
{
    public static readonly CheckedFiles None = new(new Dictionary<string, DocumentUpload>(), []);
}
