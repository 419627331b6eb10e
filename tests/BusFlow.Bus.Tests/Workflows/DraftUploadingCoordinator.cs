using System.Text;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Simulation;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>A coordinator who attaches a new draft agreement (a small PDF) each time she is asked to prepare or revise one; others answer as the inner responder does.</summary>
internal sealed class DraftUploadingCoordinator(ISimulatedResponder inner) : ISimulatedResponder
{
    private readonly DocumentRules _rules = new(new DocumentLimits());

    /// <summary>How many drafts she has attached.</summary>
    public int Drafts { get; private set; }

    public SimulatedAnswer? Answer(HumanTask task, Instant now)
    {
        var answer = inner.Answer(task, now);
        if (answer is null || task.ActivityId is not ("prepareDraft" or "revise"))
        {
            return answer;
        }

        Drafts++;
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n% Förslag till samverkansöverenskommelse, utkast {Drafts}\n%%EOF\n");
        var problem = _rules.Check(new PostedFile("draft", $"overenskommelse-utkast-{Drafts}.pdf", pdf.Length, pdf), out var upload);
        Assert.Null(problem);
        Assert.Contains(TaskAnswerSpec.Parse(task.AnswerSpecJson).Fields, f => f.Name == "draft" && f.IsDocument);
        return answer with { Documents = new Dictionary<string, DocumentUpload> { ["draft"] = upload! } };
    }
}
