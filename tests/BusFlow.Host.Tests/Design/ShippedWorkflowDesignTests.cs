using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Design;
using BusFlow.Host.Hosting;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using BusFlow.Testing.Design;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Host.Tests.Design;

/// <summary>The structured editor on the shipped workflows, with every activity this host knows.</summary>
public sealed class ShippedWorkflowDesignTests
{
    private static readonly ActivityRegistry Registry =
        new ServiceCollection().AddBusFlowWorkflows(DateTimeZone.Utc).BuildServiceProvider().GetRequiredService<ActivityRegistry>();

    public static TheoryData<string> ShippedFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "workflows"), "*.json")
            .Where(f => !f.EndsWith(DefinitionLoader.SchemaFileSuffix, StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Opening_every_step_of_a_shipped_workflow_and_saving_it_unchanged_gives_the_same_definition(string file)
    {
        var json = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "workflows", file));
        var document = DraftDocument.TryParse(json, Registry)!;

        foreach (var step in document.Steps())
        {
            Assert.Empty(document.SetFields(step.Id, DraftForms.Untouched(document.Fields(step.Id))));
        }

        Assert.Equal(DefinitionLoader.ContentHash(json), DefinitionLoader.ContentHash(document.ToJson()));
        Assert.True(new DefinitionLoader(Registry).Load(document.ToJson(), file).IsValid);
    }

    [Fact]
    public async Task The_text_the_structured_editor_writes_saved_as_a_file_unchanged_is_accepted_by_busflow_validate()
    {
        var document = DraftDocument.TryParse("""
            { "id": "budget-approval", "version": 1, "name": "Budgetgodkännande", "root": { "type": "Sequence", "id": "main", "activities": [] } }
            """, Registry)!;
        document.Add("main", "activities", "Task", "approve");
        document.SetFields("approve", new Dictionary<string, string>
        {
            ["assignee"] = "anna@exempelby.se",
            ["title"] = "Godkänn årets budget för samverkan",
            ["outcomes"] = "approve, reject",
            ["due"] = "2027-03-01",
            ["reminders.workingDaysBefore"] = "5, 2",
            ["reminders.escalateTo"] = "sn/Chair",
        });
        using var workflows = TestWorkflows.Create(("budget-approval.json", document.ToJson()));

        var run = await CliRun.RunAsync(["validate", workflows.Folder]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("1 definition valid", run.Output.Trim());
    }
}
