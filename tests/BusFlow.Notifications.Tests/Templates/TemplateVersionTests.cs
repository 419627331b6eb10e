using System.Text.Json.Nodes;
using BusFlow.Notifications.Templates;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Notifications.Tests.Templates;

/// <summary>Templates saved as versions: checked before saving, used in place of the folder's files on every node, older ones kept.</summary>
public sealed class TemplateVersionTests : IDisposable
{
    private const string Html = "<p>Hej {{ recipient.name }}!</p>\n<p>{{ task.title }}</p>\n";

    private readonly TemplateFolder _folder = new TemplateFolder()
        .WithTemplate("task-assigned", "sv-SE", "Ny uppgift: {{ task.title }}", "Hej {{ recipient.name }}!\n{{ task.title }}\n", Html);

    private readonly MemoryTemplateVersions _store = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 29, 9, 0));

    private static JsonObject Task => new() { ["task"] = new JsonObject { ["title"] = "Besluta om avtalet" }, ["recipient"] = new JsonObject { ["name"] = "Anna" } };

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_saved_version_is_used_for_the_next_mail_instead_of_the_folders_file()
    {
        var (editor, node) = Node();

        var saved = await editor.SaveAsync("task-assigned", "sv-SE", Text("Att göra: {{ task.title }}"), basedOn: 0, "Kortare ämne", "chef@kommun.example", CancellationToken.None);

        Assert.Equal(1, saved.Saved?.Number);
        Assert.Equal("Att göra: Besluta om avtalet", node.Render("task-assigned", "sv-SE", Task).Subject);
    }

    [Fact]
    public async Task A_version_saved_on_one_node_is_used_by_another_node_at_its_next_render()
    {
        var (editor, _) = Node();
        var (_, other) = Node();
        Assert.Equal("Ny uppgift: Besluta om avtalet", other.Render("task-assigned", "sv-SE", Task).Subject);

        await editor.SaveAsync("task-assigned", "sv-SE", Text("Från nod ett: {{ task.title }}"), basedOn: 0, "Test", "chef@kommun.example", CancellationToken.None);

        Assert.Equal("Från nod ett: Besluta om avtalet", other.Render("task-assigned", "sv-SE", Task).Subject);
    }

    [Fact]
    public void The_versions_are_parsed_again_only_when_a_newer_one_was_saved()
    {
        var (_, node) = Node();

        node.Render("task-assigned", "sv-SE", Task);
        node.Render("task-assigned", "sv-SE", Task);
        node.Render("task-assigned", "sv-SE", Task);

        Assert.Equal(1, _store.FullReads);
    }

    [Fact]
    public async Task A_template_with_a_mistake_is_refused_at_its_part_and_line_and_nothing_is_saved()
    {
        var (editor, node) = Node();
        var broken = new TemplateText("Ny uppgift", "Hej!\n{% if task.due %}\nSenast {{ task.due }}\n", Html);

        var result = await editor.SaveAsync("task-assigned", "sv-SE", broken, basedOn: 0, "Trasig", "chef@kommun.example", CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("text", 3), (error.File, error.Line));
        Assert.Contains("{% if %} on line 2 is not closed", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Saved);
        Assert.Empty(_store.All);
        Assert.Equal("Ny uppgift: Besluta om avtalet", node.Render("task-assigned", "sv-SE", Task).Subject);
    }

    [Fact]
    public async Task An_unknown_filter_is_refused_as_at_the_folder_load_and_a_subject_on_two_lines_too()
    {
        var (editor, _) = Node();

        var result = await editor.SaveAsync("task-assigned", "sv-SE", new TemplateText("Ny\nuppgift", "{{ task.title | shout }}", Html), 0, "Test", "chef@kommun.example", CancellationToken.None);

        Assert.Equal(["subject", "text"], result.Errors.Select(e => e.File));
        Assert.Equal(FluidMessageTemplates.SubjectOnOneLine, result.Errors[0].Message);
        Assert.Contains("shout", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task A_save_without_a_note_is_refused()
    {
        var (editor, _) = Node();

        var result = await editor.SaveAsync("task-assigned", "sv-SE", Text("Ny uppgift"), 0, "  ", "chef@kommun.example", CancellationToken.None);

        Assert.Equal([TemplateSaveResult.NotePart], result.Errors.Select(e => e.File));
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task An_edit_begun_from_an_older_version_is_refused_naming_who_saved_the_newer_one()
    {
        var (editor, node) = Node();
        await editor.SaveAsync("task-assigned", "sv-SE", Text("Första: {{ task.title }}"), 0, "Först", "bo@kommun.example", CancellationToken.None);
        _clock.Advance(Duration.FromMinutes(5));

        var late = await editor.SaveAsync("task-assigned", "sv-SE", Text("Andra: {{ task.title }}"), 0, "Sen", "chef@kommun.example", CancellationToken.None);

        Assert.Null(late.Saved);
        Assert.Equal(("bo@kommun.example", 1), (late.Newer?.SavedBy, late.Newer?.Number));
        Assert.Single(_store.All);
        Assert.Equal("Första: Besluta om avtalet", node.Render("task-assigned", "sv-SE", Task).Subject);
    }

    [Fact]
    public async Task A_form_claiming_a_version_that_does_not_exist_is_numbered_after_the_newest()
    {
        var (editor, _) = Node();

        var saved = await editor.SaveAsync("task-assigned", "sv-SE", Text("Ny uppgift"), basedOn: 41, "Test", "chef@kommun.example", CancellationToken.None);

        Assert.Equal(1, saved.Saved?.Number);
    }

    [Fact]
    public async Task Restoring_an_old_version_saves_it_again_as_the_newest_and_keeps_the_ones_between()
    {
        var (editor, node) = Node();
        var first = (await editor.SaveAsync("task-assigned", "sv-SE", Text("Ett: {{ task.title }}"), 0, "Ett", "chef@kommun.example", CancellationToken.None)).Saved!;
        await editor.SaveAsync("task-assigned", "sv-SE", Text("Två: {{ task.title }}"), 1, "Två", "chef@kommun.example", CancellationToken.None);

        var restored = await editor.SaveAsync("task-assigned", "sv-SE", first.Text, 2, "Återställde version 1", "chef@kommun.example", CancellationToken.None);

        Assert.Equal(3, restored.Saved?.Number);
        Assert.Equal([3, 2, 1], (await editor.HistoryAsync("task-assigned", CancellationToken.None)).Select(v => v.Number));
        Assert.Equal("Ett: Besluta om avtalet", node.Render("task-assigned", "sv-SE", Task).Subject);
    }

    [Fact]
    public async Task An_english_version_saved_for_a_template_without_english_files_is_sent_in_english()
    {
        var (editor, node) = Node();
        Assert.Equal("sv-SE", node.Render("task-assigned", "en-GB", Task).Language);

        await editor.SaveAsync("task-assigned", "en-GB", Text("New task: {{ task.title }}"), 0, "English", "chef@kommun.example", CancellationToken.None);

        var english = node.Render("task-assigned", "en-GB", Task);
        Assert.Equal(("en-GB", "New task: Besluta om avtalet"), (english.Language, english.Subject));
    }

    [Fact]
    public void The_preview_renders_the_sample_task_as_the_task_mails_pass_it()
    {
        var (editor, _) = Node();

        var trial = editor.Try("sv-SE", new TemplateText("{{ task.title }}", "Senast {{ task.due | local_date }} {{ link }}", Html));

        Assert.True(trial.Succeeded);
        Assert.Equal("Fatta beslut om samverkansavtalet", trial.Rendered!.Subject);
        Assert.Equal("Senast 15 mars 2027 https://busflow.example/t/exempel\n", trial.Rendered.TextBody);
    }

    private static TemplateText Text(string subject) => new(subject, "Hej {{ recipient.name }}!\n", Html);

    /// <summary>One node: its own parse of the folder, the installation's shared versions.</summary>
    private (TemplateEditor Editor, SavedMessageTemplates Templates) Node()
    {
        var folder = new FluidMessageTemplates(_folder.Path);
        var saved = new SavedMessageTemplates(folder, _store, NullLogger<SavedMessageTemplates>.Instance);
        return (new TemplateEditor(folder, saved, _store, _clock), saved);
    }
}
