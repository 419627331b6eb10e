namespace BusFlow.Notifications.Tests.Templates;

/// <summary>A throwaway folder of template files, deleted at the end of the test.</summary>
internal sealed class TemplateFolder : IDisposable
{
    public TemplateFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "busflow-templates-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public TemplateFolder With(string file, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), content);
        return this;
    }

    public TemplateFolder Without(string file)
    {
        File.Delete(System.IO.Path.Combine(Path, file));
        return this;
    }

    /// <summary>Writes the three parts of a template in a language.</summary>
    public TemplateFolder WithTemplate(string name, string language, string subject, string text, string html) =>
        With($"{name}.{language}.subject.liquid", subject)
            .With($"{name}.{language}.text.liquid", text)
            .With($"{name}.{language}.html.liquid", html);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>The repository's shipped templates/ folder, beside BusFlow.sln.</summary>
    public static string Shipped() => System.IO.Path.Combine(BusFlow.Testing.RepositoryRoot.Path, "templates");
}
