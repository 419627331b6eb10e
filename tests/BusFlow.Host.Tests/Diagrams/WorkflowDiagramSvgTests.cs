using System.Globalization;
using System.Xml.Linq;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Host.Tests.Security;
using BusFlow.Testing;
using BusFlow.Web.Diagrams;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Diagrams;

/// <summary>The diagrams of the shipped workflows, read back from their SVG as a reviewer would check them.</summary>
public sealed class WorkflowDiagramSvgTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private ActivityRegistry Registry => host.Host.Services.GetRequiredService<ActivityRegistry>();

    public static TheoryData<string> Shipped() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "workflows"), "*.json")
            .Where(f => !f.EndsWith(DefinitionLoader.SchemaFileSuffix, StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f)[..^".json".Length])
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_shipped_workflow_is_drawn_with_each_of_its_steps_exactly_once_under_a_title_and_description(string file)
    {
        var definition = Shipped(file);

        var svg = XDocument.Parse(WorkflowDiagramSvg.Draw(definition, Registry));
        var steps = DiagramStep.Read(svg);

        Assert.Equal("img", (string?)svg.Root!.Attribute("role"));
        Assert.Equal("diagram-title diagram-desc", (string?)svg.Root.Attribute("aria-labelledby"));
        Assert.Equal($"Arbetsflödesdiagram: {definition.Name}, version {definition.Version}", svg.Root.Element(DiagramStep.Svg + "title")?.Value);
        Assert.StartsWith($"{definition.Activities.Count} steg ritade uppifrån och ned", svg.Root.Element(DiagramStep.Svg + "desc")?.Value, StringComparison.Ordinal);
        Assert.Equal(definition.Activities.Keys.Order(StringComparer.Ordinal), steps.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.All(steps, step => Assert.StartsWith(WorkflowDiagramSvg.KindOf(step.Type) + " " + step.Id, step.Title, StringComparison.Ordinal));
        Assert.All(svg.Descendants(DiagramStep.Svg + "text"), text => Assert.True(double.Parse((string)text.Attribute("font-size")!, CultureInfo.InvariantCulture) >= 12));
    }

    [Theory]
    [InlineData("bus-annual-cycle")]
    [InlineData("decision-round")]
    [InlineData("agreement-renewal")]
    public void The_biggest_workflows_stay_readable_at_their_own_size(string file)
    {
        var svg = XDocument.Parse(WorkflowDiagramSvg.Draw(Shipped(file), Registry));

        var (width, height) = (double.Parse((string)svg.Root!.Attribute("width")!, CultureInfo.InvariantCulture), double.Parse((string)svg.Root.Attribute("height")!, CultureInfo.InvariantCulture));

        // Hardly wider than a screen, so that a reader scrolls a little rather than zooms into a thumbnail.
        Assert.InRange(width, 250, 1200);
        Assert.InRange(height, 200, 9000);
        Assert.Equal($"0 0 {svg.Root.Attribute("width")!.Value} {svg.Root.Attribute("height")!.Value}", (string?)svg.Root.Attribute("viewBox"));
    }

    [Fact]
    public void A_task_shows_its_title_role_assignee_and_outcomes_and_a_wait_and_a_loop_say_what_they_are()
    {
        var definition = Shipped("board-decision");

        var steps = DiagramStep.Read(XDocument.Parse(WorkflowDiagramSvg.Draw(definition, Registry)));

        var task = steps.First(s => s.Type == "Task");
        Assert.Equal("Uppgift", task.Lines[0]);
        Assert.Contains(task.Lines, line => line.StartsWith("Utfall: ", StringComparison.Ordinal));
        Assert.Contains(task.Lines, line => line.StartsWith("Till: ", StringComparison.Ordinal) || line.StartsWith("Roll: ", StringComparison.Ordinal));
        Assert.All(steps.Where(s => s.Type == "WaitUntil"), wait => Assert.Equal("Vänta till", wait.Lines[0]));
        Assert.All(steps.Where(s => s.Type == "While"), loop => Assert.Contains("↻ Upprepas", loop.Lines));
    }

    [Fact]
    public void A_condition_reads_as_a_comparison_between_its_operands_rather_than_as_json()
    {
        var steps = DiagramStep.Read(XDocument.Parse(WorkflowDiagramSvg.Draw(Shipped("decision-round"), Registry)));

        var condition = Assert.Single(steps, s => s.Id == "droppedOut");
        Assert.Equal(["Villkor", "droppedOut", "Om: output.decide.status =", "\"Cancelled\""], condition.Lines.Take(4));
        Assert.Contains("Om: output.decide.status = \"Cancelled\"", condition.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Passed_and_current_steps_are_marked_with_a_sign_and_words_and_no_other_step_is()
    {
        var definition = Shipped("example-approval");
        var ids = definition.Activities.Values.Where(a => a.Type != "Sequence").Select(a => a.Id).ToList();
        var progress = new DiagramProgress(new HashSet<string> { ids[0] }, new HashSet<string> { ids[1] });

        var steps = DiagramStep.Read(XDocument.Parse(WorkflowDiagramSvg.Draw(definition, Registry, progress)));

        var passed = Assert.Single(steps, s => s.State == "passed");
        var current = Assert.Single(steps, s => s.State == "current");
        Assert.Equal((ids[0], ids[1]), (passed.Id, current.Id));
        Assert.Contains("✓ Genomfört", passed.Lines);
        Assert.EndsWith("✓ Genomfört", passed.Title, StringComparison.Ordinal);
        Assert.Contains("▶ Pågår nu", current.Lines);
        Assert.DoesNotContain(steps.Where(s => s.State is null), s => s.Lines.Any(l => l.Contains('✓') || l.Contains('▶')));
    }

    [Fact]
    public void Two_diagrams_on_one_page_have_titles_of_their_own()
    {
        var definition = Shipped("example-approval");

        var first = XDocument.Parse(WorkflowDiagramSvg.Draw(definition, Registry, idPrefix: "diagram-from"));
        var second = XDocument.Parse(WorkflowDiagramSvg.Draw(definition, Registry, idPrefix: "diagram-to"));

        Assert.Equal("diagram-from-title", (string?)first.Root!.Element(DiagramStep.Svg + "title")!.Attribute("id"));
        Assert.Equal("diagram-to-title", (string?)second.Root!.Element(DiagramStep.Svg + "title")!.Attribute("id"));
    }

    private WorkflowDefinition Shipped(string file)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("sv-SE");
        var loader = host.Host.Services.GetRequiredService<DefinitionLoader>();
        var path = Path.Combine(RepositoryRoot.Path, "workflows", file + ".json");
        var result = loader.Load(File.ReadAllText(path), path);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Definitions[0];
    }
}
