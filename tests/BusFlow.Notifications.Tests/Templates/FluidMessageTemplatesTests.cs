using System.Text.Json.Nodes;
using BusFlow.Notifications.Templates;

namespace BusFlow.Notifications.Tests.Templates;

public sealed class FluidMessageTemplatesTests
{
    private const string Html = """
        <!DOCTYPE html>
        <html lang="sv">
        <head><meta charset="utf-8"><title>{{ title }}</title></head>
        <body><main><h1>{{ title }}</h1><p>{{ body }}</p></main></body>
        </html>
        """;

    private static TemplateFolder Simple() => new TemplateFolder()
        .WithTemplate("note", "sv-SE", "Notis: {{ title }}\n", "Hej!\n\n{{ body }}\n", Html);

    [Fact]
    public void Renders_Swedish_with_å_ä_ö_intact_in_every_part()
    {
        using var folder = Simple();
        var templates = new FluidMessageTemplates(folder.Path);

        var message = templates.Render("note", "sv-SE", new JsonObject { ["title"] = "Årsmöte för Barn- och ungdomsnämnden", ["body"] = "Vi ses på Kvarnängsgården i Östra Exempelby" });

        Assert.Equal("sv-SE", message.Language);
        Assert.Equal("Notis: Årsmöte för Barn- och ungdomsnämnden", message.Subject);
        Assert.Equal("Hej!\n\nVi ses på Kvarnängsgården i Östra Exempelby\n", message.TextBody);
        Assert.Contains("<h1>Årsmöte för Barn- och ungdomsnämnden</h1>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<p>Vi ses på Kvarnängsgården i Östra Exempelby</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(["note"], templates.Names);
    }

    [Fact]
    public void Renders_English_when_the_template_has_it()
    {
        using var folder = Simple().WithTemplate("note", "en-GB", "Note: {{ title }}", "Hello!\n\n{{ body }}", Html.Replace("lang=\"sv\"", "lang=\"en\"", StringComparison.Ordinal));
        var templates = new FluidMessageTemplates(folder.Path);

        var message = templates.Render("note", "en-GB", new JsonObject { ["title"] = "Spring meeting in Älvängen", ["body"] = "x" });

        Assert.Equal("en-GB", message.Language);
        Assert.Equal("Note: Spring meeting in Älvängen", message.Subject);
        Assert.StartsWith("Hello!", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en")]
    [InlineData("de-DE")]
    [InlineData("")]
    public void Falls_back_to_Swedish_when_the_template_has_no_such_language(string language)
    {
        using var folder = Simple();
        var templates = new FluidMessageTemplates(folder.Path);

        var message = templates.Render("note", language, new JsonObject { ["title"] = "Möte" });

        Assert.Equal("sv-SE", message.Language);
        Assert.Equal("Notis: Möte", message.Subject);
    }

    [Fact]
    public void Html_encodes_model_values_in_the_html_part_only()
    {
        using var folder = Simple();
        var templates = new FluidMessageTemplates(folder.Path);

        var message = templates.Render("note", "sv-SE", new JsonObject { ["title"] = "A & B", ["body"] = "<script>alert('å')</script>" });

        Assert.Contains("<p>&lt;script&gt;alert(&#x27;å&#x27;)&lt;/script&gt;</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<title>A &amp; B</title>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<script>alert('å')</script>", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("Notis: A & B", message.Subject);
    }

    [Fact]
    public void The_subject_is_one_line()
    {
        using var folder = new TemplateFolder()
            .WithTemplate("note", "sv-SE", "{% if urgent %}\nBrådskande:\n{% endif %}\n{{ title }}\n\n", "{{ title }}", Html);
        var templates = new FluidMessageTemplates(folder.Path);

        var message = templates.Render("note", "sv-SE", new JsonObject { ["urgent"] = true, ["title"] = "rad ett\r\nrad två" });

        Assert.Equal("Brådskande: rad ett rad två", message.Subject);
    }

    [Fact]
    public void Walks_nested_objects_lists_numbers_and_booleans_in_the_language_s_culture()
    {
        const string text = "{{ board.name }}: {% for p in board.people %}{{ p.name }}{% unless forloop.last %}, {% endunless %}{% endfor %} ({{ board.people.size }}); {{ share }}; {% if active %}aktiv{% endif %}{{ missing }}";
        using var folder = new TemplateFolder()
            .WithTemplate("t", "sv-SE", "s", text, Html)
            .WithTemplate("t", "en-GB", "s", text, Html);
        var templates = new FluidMessageTemplates(folder.Path);
        var model = new JsonObject
        {
            ["board"] = new JsonObject { ["name"] = "Socialnämnden", ["people"] = new JsonArray(new JsonObject { ["name"] = "Åsa" }, new JsonObject { ["name"] = "Örjan" }) },
            ["share"] = 12.5,
            ["active"] = true,
        };

        Assert.Equal("Socialnämnden: Åsa, Örjan (2); 12,5; aktiv\n", templates.Render("t", "sv-SE", model).TextBody);
        Assert.Equal("Socialnämnden: Åsa, Örjan (2); 12.5; aktiv\n", templates.Render("t", "en-GB", model).TextBody);
    }

    [Fact]
    public void Syntax_errors_in_several_files_are_all_reported_with_file_and_line_and_nothing_loads()
    {
        using var folder = Simple()
            .WithTemplate("broken", "sv-SE", "Ämne", "Rad ett\nRad två\n{% if task.due %}\nSista dag: {{ task.due }}\n", Html)
            .With("note.sv-SE.html.liquid", "<p>\n{{ title | }}\n</p>\n");

        var error = Assert.Throws<TemplateLoadException>(() => new FluidMessageTemplates(folder.Path));

        Assert.Equal(2, error.Errors.Count);
        var unclosed = Assert.Single(error.Errors, e => e.File == "broken.sv-SE.text.liquid");
        Assert.Equal(4, unclosed.Line); // Fluid stops at the end of the file, where {% endif %} was expected,
        Assert.Equal("'{% endif %}' was expected (the {% if %} on line 3 is not closed)", unclosed.Message); // and says where it opened.
        var emptyFilter = Assert.Single(error.Errors, e => e.File == "note.sv-SE.html.liquid");
        Assert.Equal(2, emptyFilter.Line);
        Assert.Contains("broken.sv-SE.text.liquid:4:", error.Message, StringComparison.Ordinal);
        Assert.Contains("note.sv-SE.html.liquid:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_Swedish_part_is_reported()
    {
        using var folder = Simple().Without("note.sv-SE.text.liquid");

        var error = Assert.Throws<TemplateLoadException>(() => new FluidMessageTemplates(folder.Path));

        var missing = Assert.Single(error.Errors);
        Assert.Equal("note.sv-SE.text.liquid", missing.File);
        Assert.Contains("no text part", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_only_in_English_is_reported()
    {
        using var folder = Simple().WithTemplate("only-english", "en-GB", "s", "t", Html);

        var error = Assert.Throws<TemplateLoadException>(() => new FluidMessageTemplates(folder.Path));

        Assert.Contains("no Swedish (sv-SE) version", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incomplete_English_version_is_reported_rather_than_mixing_languages()
    {
        using var folder = Simple().With("note.en-GB.subject.liquid", "Note");

        var error = Assert.Throws<TemplateLoadException>(() => new FluidMessageTemplates(folder.Path));

        Assert.Equal(["note.en-GB.html.liquid", "note.en-GB.text.liquid"], error.Errors.Select(e => e.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Badly_named_files_and_unknown_filters_are_reported()
    {
        using var folder = Simple()
            .With("note.de-DE.text.liquid", "Hallo")
            .With("note.sv-SE.footer.liquid", "x")
            .With("note.liquid", "x")
            .With("README.md", "not a template, ignored")
            .With("note.sv-SE.subject.liquid", "{{ title | no_such_filter }}");

        var error = Assert.Throws<TemplateLoadException>(() => new FluidMessageTemplates(folder.Path));

        Assert.Equal(4, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.File == "note.de-DE.text.liquid" && e.Message.Contains("unknown language 'de-DE'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.File == "note.sv-SE.footer.liquid" && e.Message.Contains("unknown part 'footer'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.File == "note.liquid");
        Assert.Contains(error.Errors, e => e.File == "note.sv-SE.subject.liquid" && e.Message.Contains("no_such_filter", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_swaps_in_a_corrected_folder_and_keeps_the_old_templates_when_the_new_ones_are_broken()
    {
        using var folder = Simple();
        var templates = new FluidMessageTemplates(folder.Path);
        var model = new JsonObject { ["title"] = "Möte" };

        folder.With("note.sv-SE.subject.liquid", "{% if %}");
        Assert.Throws<TemplateLoadException>(templates.Reload);
        Assert.Equal("Notis: Möte", templates.Render("note", "sv-SE", model).Subject);

        folder.With("note.sv-SE.subject.liquid", "Ändrad: {{ title }}");
        templates.Reload();
        Assert.Equal("Ändrad: Möte", templates.Render("note", "sv-SE", model).Subject);
    }

    [Fact]
    public void An_unknown_template_is_a_KeyNotFoundException()
    {
        using var folder = Simple();
        var templates = new FluidMessageTemplates(folder.Path);

        Assert.Throws<KeyNotFoundException>(() => templates.Render("no-such", "sv-SE", []));
    }

    [Fact]
    public void A_missing_folder_is_reported()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new FluidMessageTemplates(Path.Combine(Path.GetTempPath(), "busflow-no-such-" + Guid.NewGuid().ToString("N"))));
    }
}
