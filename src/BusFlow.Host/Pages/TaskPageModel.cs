using System.Globalization;
using System.Text.Json.Nodes;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Runtime;
using BusFlow.Notifications.TaskPages;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Pages;

/// <summary>Turns a task link's view into the task page's model: what is asked, by when, of whom, and the form.</summary>
public static class TaskPageModel
{
    private static readonly Dictionary<string, (string Sv, string En)> FactLabels = new(StringComparer.Ordinal)
    {
        ["board"] = ("Nämnd", "Board"),
        ["meetingDate"] = ("Sammanträde", "Meeting"),
        ["noticeBy"] = ("Kallelse senast", "Notice by"),
        ["registrationNumber"] = ("Diarienummer", "Registration number"),
        ["memo"] = ("Tjänsteskrivelse", "Memo"),
        ["proposedDecision"] = ("Förslag till beslut", "Proposed decision"),
        ["agreement"] = ("Överenskommelse", "Agreement"),
        ["occurredOn"] = ("Hände", "Happened on"),
        ["severity"] = ("Hur allvarligt", "How serious"),
        ["concerns"] = ("Gäller", "Concerns"),
        ["contact"] = ("Den som rapporterade nås på", "The reporter is reached at"),
    };

    /// <param name="documentLinks">Where the task's documents are downloaded ("/t/{secret}/dokument/"); null lists them without links.</param>
    public static JsonObject For(TaskLinkView view, string language, DateTimeZone zone, JsonObject? form, string? documentLinks = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var task = view.Task!;
        var culture = CultureInfo.GetCultureInfo(PageLanguage.Culture(language));
        var data = task.DataJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
        var facts = new JsonArray();
        foreach (var (key, value) in data ?? [])
        {
            if (key == "dueMovedFrom" || value is null or JsonObject or JsonArray || string.IsNullOrWhiteSpace(value.ToString()))
            {
                continue;
            }

            var label = FactLabels.TryGetValue(key, out var known) ? (language == PageLanguage.English ? known.En : known.Sv) : key;
            facts.Add(new JsonObject { ["label"] = label, ["value"] = DateText(value.ToString(), culture) ?? value.ToString() });
        }

        var texts = PageTexts.For(language);
        var movedFrom = data?["dueMovedFrom"]?.ToString() is { } moved ? DateText(moved, culture) : null;
        return new JsonObject
        {
            ["task"] = new JsonObject
            {
                ["title"] = task.Title,
                ["paragraphs"] = new JsonArray((task.Description ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (JsonNode?)p).ToArray()),
                ["due"] = task.DueDate is { } due ? due.ToString("d MMMM uuuu", culture) : null,
                ["due_moved"] = movedFrom is null ? null : string.Format(culture, texts["due_moved"], movedFrom),
                ["facts"] = facts,
            },
            ["reader"] = Reader(view, language),
            ["asked_by"] = view.AskedBy,
            ["informed"] = view.State == TaskLinkState.Informed,
            ["form"] = form,
            ["documents"] = Documents(view, language, zone, documentLinks),
        };
    }

    /// <summary>The task's documents as the page lists them: name, version, when, size, the checksum's start and the download.</summary>
    private static JsonArray Documents(TaskLinkView view, string language, DateTimeZone zone, string? links)
    {
        var texts = PageTexts.For(language);
        return new JsonArray([.. view.Documents.Select(d => (JsonNode?)new JsonObject
        {
            ["name"] = d.FileName,
            ["version"] = d.Version,
            ["uploaded"] = MomentText(d.UploadedAt, zone, language),
            ["size"] = DocumentRules.SizeText(d.Size),
            ["checksum"] = d.ChecksumShort,
            ["url"] = links is null ? null : links + d.Id.ToString(),
            ["download_label"] = string.Format(CultureInfo.InvariantCulture, texts["document_download"], d.FileName, d.Version),
        })]);
    }

    /// <summary>"Anna Berg, ordförande i Socialnämnden (anna@…)" — whom the page takes the reader to be.</summary>
    public static string? Reader(TaskLinkView view, string language)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Reader is not { } reader)
        {
            return null;
        }

        var title = language == PageLanguage.English ? reader.RoleTitleEn : reader.RoleTitleSv;
        return (reader.Name, title) switch
        {
            ({ } name, { } role) => $"{name}, {role} ({reader.Address})",
            ({ } name, null) => $"{name} ({reader.Address})",
            _ => reader.Address,
        };
    }

    /// <summary>The form of an open task: one button per outcome, the facts to fill in, the comment.</summary>
    public static JsonObject Form(
        TaskLinkView view, string language, string action, (string Name, string Value) antiforgery, AnswerForm? given, IReadOnlyList<AnswerProblem> problems, string? code,
        long maxDocumentBytes = DocumentLimits.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(view);
        var culture = PageLanguage.Culture(language);
        var texts = PageTexts.For(language);
        var task = view.Task!;
        var needComment = view.Spec.CommentRequiredFor.Where(o => task.Outcomes.Contains(o)).Select(o => OutcomeLabels.Of(o, culture)).ToList();
        var fields = new JsonArray(view.Spec.Fields.Select(f => (JsonNode?)new JsonObject
        {
            ["name"] = f.Name,
            ["label"] = language == PageLanguage.English ? f.LabelEn : f.LabelSv,
            ["input_type"] = f.Type switch { "date" => "date", "number" => "number", AnswerField.DocumentType => "file", _ => "text" },
            ["accept"] = f.IsDocument ? string.Join(",", DocumentType.All.SelectMany(t => new[] { t.Extension, t.ContentType })) : null,
            ["hint"] = f.IsDocument ? string.Format(CultureInfo.InvariantCulture, texts["document_hint"], DocumentRules.SizeText(maxDocumentBytes)) : null,
            ["required"] = f.Required || f.RequiredFor.Count > 0,
            ["value"] = f.IsDocument ? null : given?.Data?[f.Name]?.ToString(),
            ["invalid"] = problems.Any(p => p.Field == $"data.{f.Name}"),
        }).ToArray());
        return new JsonObject
        {
            ["action"] = action,
            ["antiforgery_name"] = antiforgery.Name,
            ["antiforgery_value"] = antiforgery.Value,
            ["code"] = code,
            ["multipart"] = view.Spec.Fields.Any(f => f.IsDocument),
            ["fields"] = fields,
            ["comment"] = given?.Comment,
            ["comment_invalid"] = problems.Any(p => p.Field == "comment"),
            ["comment_hint"] = needComment.Count > 0 ? string.Format(CultureInfo.InvariantCulture, texts["comment_hint_required"], string.Join(", ", needComment)) : texts["comment_hint"],
            ["outcomes"] = new JsonArray(task.Outcomes.Select(o => (JsonNode?)new JsonObject { ["value"] = o, ["label"] = OutcomeLabels.Of(o, culture) }).ToArray()),
            ["errors"] = new JsonArray(problems.Select(p => (JsonNode?)new JsonObject
            {
                ["field"] = p.Field switch { "comment" => "field-comment", var f when f.StartsWith("data.", StringComparison.Ordinal) => $"field-{f[5..]}", _ => null },
                ["message"] = ProblemText(p, view, language),
            }).ToArray()),
        };
    }

    private static string ProblemText(AnswerProblem problem, TaskLinkView view, string language)
    {
        var english = language == PageLanguage.English;
        var texts = PageTexts.For(language);
        if (problem.Kind == AnswerProblemKind.TooLong)
        {
            var tooLong = view.Spec.Fields.FirstOrDefault(f => $"data.{f.Name}" == problem.Field);
            return tooLong is null
                ? string.Format(CultureInfo.InvariantCulture, texts["comment_too_long"], TaskLinkAnswers.MaxCommentLength)
                : string.Format(CultureInfo.InvariantCulture, texts["field_too_long"], english ? tooLong.LabelEn : tooLong.LabelSv, TaskLinkAnswers.MaxFieldLength);
        }

        if (problem.Field == "comment")
        {
            return english ? "Write a comment: this answer needs one." : "Skriv en kommentar: det här svaret kräver en.";
        }

        if (problem.Field.StartsWith("data.", StringComparison.Ordinal) && view.Spec.Fields.FirstOrDefault(f => f.Name == problem.Field[5..]) is { } field)
        {
            var label = english ? field.LabelEn : field.LabelSv;
            if (problem.MessageSv is not null)
            {
                return problem.In(swedish: !english);
            }

            return problem.Kind == AnswerProblemKind.Missing
                ? (english ? $"Fill in {label}." : $"Fyll i {label.ToLower(CultureInfo.GetCultureInfo("sv-SE"))}.")
                : (english ? $"{label}: {problem.Message}." : $"{label}: värdet kan inte tolkas ({(field.Type == "date" ? "skriv datumet som åååå-mm-dd" : "kontrollera värdet")}).");
        }

        return english ? "Choose one of the answers." : "Välj ett av svaren.";
    }

    /// <summary>An ISO date ("2026-05-04") as people write it; null when it is not one.</summary>
    private static string? DateText(string text, CultureInfo culture) =>
        LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value.ToString("d MMMM uuuu", culture) : null;

    /// <summary>A moment as people read it in the installation's zone, e.g. "24 november 2026 kl. 10:15".</summary>
    public static string MomentText(Instant at, DateTimeZone zone, string language)
    {
        var local = at.InZone(zone).LocalDateTime;
        var culture = CultureInfo.GetCultureInfo(PageLanguage.Culture(language));
        return language == PageLanguage.English
            ? local.ToString("d MMMM uuuu 'at' HH:mm", culture)
            : local.ToString("d MMMM uuuu 'kl.' HH:mm", culture);
    }
}
