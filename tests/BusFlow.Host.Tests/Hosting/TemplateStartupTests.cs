using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Templates;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Hosting;

public sealed class TemplateStartupTests
{
    [Fact]
    public async Task The_host_loads_the_shipped_message_templates_at_start()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        var templates = new Dictionary<string, string?> { ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates") };

        await using var host = await RunningHost.StartAsync(database, workflows.Folder, templates);

        var loaded = host.Services.GetRequiredService<IMessageTemplates>();
        Assert.Contains("task-assigned", loaded.Names);
        Assert.Contains("Du har fått en uppgift i BusFlow", loaded.Render("task-assigned", "sv-SE", new() { ["title"] = "Godkänn budgeten" }).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_template_stops_the_start_and_names_the_file()
    {
        await using var database = SqliteTestDatabase.Create();
        using var workflows = TestWorkflows.Standard();
        var folder = Directory.CreateTempSubdirectory("busflow-templates").FullName;
        try
        {
            foreach (var part in new[] { "subject", "text", "html" })
            {
                await File.WriteAllTextAsync(Path.Combine(folder, $"broken.sv-SE.{part}.liquid"), part == "text" ? "{% if x %}never closed" : "ok");
            }

            var error = await Assert.ThrowsAnyAsync<Exception>(() =>
                RunningHost.StartAsync(database, workflows.Folder, new Dictionary<string, string?> { ["BusFlow:Notifications:Templates"] = folder }));

            Assert.Contains("message templates", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
