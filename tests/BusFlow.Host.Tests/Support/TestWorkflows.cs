namespace BusFlow.Host.Tests.Support;

/// <summary>A temporary folder of definition files written by a test, deleted on dispose.</summary>
public sealed class TestWorkflows : IDisposable
{
    private TestWorkflows(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>A folder with the given files (name → JSON text).</summary>
    public static TestWorkflows Create(params (string File, string Json)[] files)
    {
        var workflows = new TestWorkflows(Path.Combine(Path.GetTempPath(), $"busflow-workflows-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(workflows.Folder);
        foreach (var (file, json) in files)
        {
            File.WriteAllText(Path.Combine(workflows.Folder, file), json);
        }

        return workflows;
    }

    /// <summary>The definitions most host tests use: <see cref="Approval"/> and <see cref="Guarded"/>.</summary>
    public static TestWorkflows Standard() => Create(("approval.json", Approval), ("guarded.json", Guarded));

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>One task for the approver; its answer lands in the variable "decision".</summary>
    public const string Approval = """
        {
          "id": "approval",
          "version": 1,
          "name": "Godkännande",
          "description": "One task for the approver.",
          "inputs": [
            { "name": "subject", "type": "string", "required": true, "description": "What is to be approved." },
            { "name": "approver", "type": "string", "required": true }
          ],
          "variables": [ { "name": "decision", "type": "object" } ],
          "root": {
            "type": "Sequence",
            "id": "main",
            "activities": [
              {
                "type": "Task",
                "id": "approve",
                "assignee": { "ref": "input.approver" },
                "title": "Godkänn: {{ input.subject }}",
                "outcomes": ["approve", "reject"],
                "output": "decision"
              }
            ]
          }
        }
        """;

    /// <summary>Faults at "stop" when started with fail = true; otherwise waits on a task for the clerk.</summary>
    public const string Guarded = """
        {
          "id": "guarded",
          "version": 1,
          "name": "Guarded failure",
          "inputs": [ { "name": "fail", "type": "boolean", "required": true } ],
          "root": {
            "type": "Sequence",
            "id": "main",
            "activities": [
              { "type": "If", "id": "check", "condition": { "ref": "input.fail" }, "then": { "type": "Fail", "id": "stop", "message": "asked to fail" } },
              { "type": "Task", "id": "confirm", "assignee": "clerk@example.se", "title": "Confirm", "outcomes": ["done"] }
            ]
          }
        }
        """;

    /// <summary>Waits three calendar months, then asks the clerk to confirm within 14 days.</summary>
    public const string Reminder = """
        {
          "id": "reminder",
          "version": 1,
          "name": "Reminder",
          "root": {
            "type": "Sequence",
            "id": "main",
            "activities": [
              { "type": "Delay", "id": "wait", "duration": "P3M" },
              {
                "type": "Task",
                "id": "confirm",
                "assignee": "clerk@example.se",
                "title": "Confirm the renewal",
                "outcomes": ["done"],
                "due": { "ref": "today", "plus": "P14D" }
              }
            ]
          }
        }
        """;

    /// <summary>A short Delay before a task, for timers that fire through Hangfire while a test waits.</summary>
    /// <summary>Waits for the signal "documentsReady", which must say how many documents there are.</summary>
    public const string Signalled = """
        {
          "id": "signalled",
          "version": 1,
          "name": "Signalled",
          "variables": [ { "name": "ready", "type": "object" } ],
          "root": {
            "type": "Sequence",
            "id": "main",
            "activities": [
              { "type": "WaitForSignal", "id": "documents", "signal": "documentsReady", "payload": [ { "name": "count", "type": "integer", "required": true } ] },
              { "type": "SetVariable", "id": "keep", "variable": "ready", "value": { "ref": "output.documents" } }
            ]
          }
        }
        """;

    public const string ShortDelay = """
        {
          "id": "short-delay",
          "version": 1,
          "name": "Short delay",
          "root": {
            "type": "Sequence",
            "id": "main",
            "activities": [
              { "type": "Delay", "id": "pause", "duration": "PT1S" },
              { "type": "Task", "id": "after", "assignee": "clerk@example.se", "title": "After the pause", "outcomes": ["done"] }
            ]
          }
        }
        """;
}
