using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Tests.Support;
using NodaTime;

namespace BusFlow.Engine.Tests.Activities;

public sealed class HumanTaskActivityTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    // Monday 2026-12-21, so a due date fourteen days later lands on a Monday.
    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(new LocalDateTime(2026, 12, 21, 9, 0));
        await _engine.PublishAsync(Workflows.Definition("approve", """
            { "type": "Task", "id": "approve", "assignee": { "ref": "input.chair" }, "title": "Godkänn {{ input.subject }}",
              "description": "Dnr {{ input.caseNumber }}", "outcomes": ["approve", "reject"], "due": { "ref": "today", "plus": "P13D" },
              "data": { "caseNumber": { "ref": "input.caseNumber" } }, "output": "answer" }
            """,
            inputs: """[{ "name": "chair", "type": "string", "required": true }, { "name": "subject", "type": "string", "required": true }, { "name": "caseNumber", "type": "string" }]""",
            variables: """[{ "name": "answer", "type": "object" }]"""));
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private Task<WorkflowInstance> StartAsync() => _engine.StartAsync("approve", new JsonObject
    {
        ["chair"] = "ordforande.sn@kommun.test",
        ["subject"] = "överenskommelsen",
        ["caseNumber"] = "2026.002 SN",
    });

    [Fact]
    public async Task A_task_is_created_for_the_assignee_with_its_title_outcomes_and_due_date()
    {
        var instance = await StartAsync();

        var task = await _engine.SingleOpenTaskAsync(instance.Id);
        Assert.Equal(InstanceStatus.Waiting, instance.Status);
        Assert.Equal("ordforande.sn@kommun.test", task.Assignee);
        Assert.Equal("Godkänn överenskommelsen", task.Title);
        Assert.Equal("Dnr 2026.002 SN", task.Description);
        Assert.Equal(["approve", "reject"], task.Outcomes);
        Assert.Equal("2026.002 SN", (string?)JsonNode.Parse(task.DataJson!)!["caseNumber"]);
        // 2026-12-21 + 13 days is Sunday 2027-01-03; a due date moves to the next working day, and says so.
        Assert.Equal(new LocalDate(2027, 1, 4), task.DueDate);
        Assert.Equal("2027-01-03", (string?)JsonNode.Parse(task.DataJson!)!["dueMovedFrom"]);
    }

    [Fact]
    public async Task Completing_the_task_resumes_the_instance_and_stores_the_answer()
    {
        var instance = await StartAsync();
        var task = await _engine.SingleOpenTaskAsync(instance.Id);

        var result = await _engine.Runtime.CompleteTaskAsync(task.Id, "reject", "Needs another round", "ordforande.sn@kommun.test");

        Assert.Equal(TaskCompletionStatus.Completed, result.Status);
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
        var answer = (await _engine.VariablesAsync(instance.Id))["answer"]!;
        Assert.Equal("reject", (string?)answer["outcome"]);
        Assert.Equal("Needs another round", (string?)answer["comment"]);
        Assert.Equal("ordforande.sn@kommun.test", (string?)answer["completedBy"]);
    }

    [Fact]
    public async Task A_reject_without_a_comment_is_refused_and_the_task_stays_open()
    {
        var instance = await StartAsync();
        var task = await _engine.SingleOpenTaskAsync(instance.Id);

        var result = await _engine.Runtime.CompleteTaskAsync(task.Id, "reject", "   ", "ordforande.sn@kommun.test");

        Assert.Equal(TaskCompletionStatus.InvalidAnswer, result.Status);
        Assert.Equal("comment", Assert.Single(result.Problems).Field);
        Assert.Equal(HumanTaskStatus.Open, (await _engine.SingleOpenTaskAsync(instance.Id)).Status);
        Assert.Equal(InstanceStatus.Waiting, (await _engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task A_second_answer_changes_nothing_and_reports_the_first()
    {
        var instance = await StartAsync();
        var task = await _engine.SingleOpenTaskAsync(instance.Id);
        await _engine.Runtime.CompleteTaskAsync(task.Id, "approve", null, "first@kommun.test");

        var second = await _engine.Runtime.CompleteTaskAsync(task.Id, "reject", null, "second@kommun.test");

        Assert.Equal(TaskCompletionStatus.AlreadyClosed, second.Status);
        Assert.Equal("first@kommun.test", second.Task!.CompletedBy);
        Assert.Equal("approve", second.Task.Outcome);
        Assert.Single(await _engine.JournalAsync(instance.Id), j => j.Kind == JournalKind.TaskCompleted);
    }

    [Fact]
    public async Task An_outcome_the_task_does_not_allow_is_refused_and_the_task_stays_open()
    {
        var instance = await StartAsync();
        var task = await _engine.SingleOpenTaskAsync(instance.Id);

        var result = await _engine.Runtime.CompleteTaskAsync(task.Id, "maybe", null, "chair@kommun.test");

        Assert.Equal(TaskCompletionStatus.InvalidOutcome, result.Status);
        Assert.Equal(HumanTaskStatus.Open, (await _engine.SingleOpenTaskAsync(instance.Id)).Status);
        Assert.Equal(InstanceStatus.Waiting, (await _engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task An_answer_from_someone_the_guard_refuses_changes_nothing_and_tells_nothing_of_the_task()
    {
        var instance = await StartAsync();
        var task = await _engine.SingleOpenTaskAsync(instance.Id);
        var outsider = new TaskAnswer("maybe", null, "outsider@kommun.test") { MayAnswer = t => t.Assignee == "outsider@kommun.test" };

        var refused = await _engine.Runtime.CompleteTaskAsync(task.Id, outsider);

        Assert.Equal(TaskCompletionStatus.NotPermitted, refused.Status);
        Assert.Null(refused.Task);
        Assert.Equal(HumanTaskStatus.Open, (await _engine.SingleOpenTaskAsync(instance.Id)).Status);
        Assert.DoesNotContain(await _engine.JournalAsync(instance.Id), j => j.Kind == JournalKind.TaskCompleted);
    }

    [Fact]
    public async Task An_unknown_task_is_reported_as_not_found()
    {
        var result = await _engine.Runtime.CompleteTaskAsync(Guid.NewGuid(), "approve", null, "chair@kommun.test");

        Assert.Equal(TaskCompletionStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Two_concurrent_answers_to_one_task_record_exactly_one()
    {
        var instance = await StartAsync();
        var task = await _engine.SingleOpenTaskAsync(instance.Id);

        var answers = await Task.WhenAll(
            Task.Run(() => _engine.Runtime.CompleteTaskAsync(task.Id, "approve", null, "a@kommun.test")),
            Task.Run(() => _engine.Runtime.CompleteTaskAsync(task.Id, "reject", "Vi säger nej.", "b@kommun.test")));

        Assert.Single(answers, a => a.Status == TaskCompletionStatus.Completed);
        Assert.Single(answers, a => a.Status == TaskCompletionStatus.AlreadyClosed);
        var journal = await _engine.JournalAsync(instance.Id);
        Assert.Single(journal, j => j.Kind == JournalKind.TaskCompleted);
        Assert.Single(journal, j => j.Kind == JournalKind.ActivityCompleted && j.ActivityId == task.ActivityId);
        Assert.Single(journal, j => j.Kind == JournalKind.InstanceCompleted);
    }

    [Fact]
    public async Task An_answer_to_a_task_of_a_faulted_instance_is_refused_and_the_task_stays_open_for_after_the_retry()
    {
        await _engine.PublishAsync(Workflows.Definition("task-and-fault", """
            { "type": "Parallel", "id": "p", "branches": [
              { "type": "Task", "id": "ask", "assignee": "chair@kommun.test", "title": "Answer", "outcomes": ["ok"] },
              { "type": "StartWorkflow", "id": "child", "workflow": "not-yet-published", "wait": false } ] }
            """));
        var instance = await _engine.StartAsync("task-and-fault");
        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        var task = await _engine.SingleOpenTaskAsync(instance.Id);

        var refused = await _engine.Runtime.CompleteTaskAsync(task.Id, "ok", null, "chair@kommun.test");

        Assert.Equal(TaskCompletionStatus.InstanceNotWaiting, refused.Status);
        Assert.Equal(InstanceStatus.Faulted, refused.InstanceStatus);
        Assert.DoesNotContain(await _engine.JournalAsync(instance.Id), j => j.Kind == JournalKind.TaskCompleted);

        await _engine.PublishAsync(Workflows.Definition("not-yet-published", """{ "type": "Delay", "id": "d", "duration": "P1D" }"""));
        await _engine.Runtime.RetryAsync(instance.Id, "admin@kommun.test");
        var answered = await _engine.Runtime.CompleteTaskAsync(task.Id, "ok", null, "chair@kommun.test");

        Assert.Equal(TaskCompletionStatus.Completed, answered.Status);
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task Facts_given_with_an_answer_are_kept_on_the_task_and_passed_to_the_workflow()
    {
        var instance = await StartAsync();
        var task = await _engine.SingleOpenTaskAsync(instance.Id);
        var facts = new JsonObject { ["decisionDate"] = "2026-10-13", ["paragraph"] = "§ 112" };

        await _engine.Runtime.CompleteTaskAsync(task.Id, new TaskAnswer("approve", null, "sekreterare@kommun.test", facts));

        var answer = (await _engine.VariablesAsync(instance.Id))["answer"]!;
        Assert.Equal("§ 112", (string?)answer["data"]!["paragraph"]);
        var stored = Assert.Single(await _engine.TasksAsync(instance.Id, status: HumanTaskStatus.Completed));
        Assert.Equal("2026-10-13", (string?)JsonNode.Parse(stored.AnswerDataJson!)!["decisionDate"]);
    }

    [Fact]
    public async Task An_escalation_role_written_with_a_reference_is_filled_in_when_the_task_is_created()
    {
        await _engine.PublishAsync(Workflows.Definition("compile", """
            { "type": "Task", "id": "compile", "assignee": "sekreterare@kommun.test", "title": "Sammanställ", "outcomes": ["done"],
              "due": { "ref": "today", "plus": "P14D" }, "role": "{{ input.body }}/Secretary",
              "reminders": { "maxAfter": 1, "escalateTo": ["Chair", "{{ input.firstBoard }}/HeadOfAdministration"] } }
            """,
            inputs: """[{ "name": "body", "type": "string", "required": true }, { "name": "firstBoard", "type": "string", "required": true }]"""));

        var instance = await _engine.StartAsync("compile", new JsonObject { ["body"] = "styrgrupp", ["firstBoard"] = "sn" });

        var policy = JsonNode.Parse((await _engine.SingleOpenTaskAsync(instance.Id)).ReminderPolicyJson!)!;
        Assert.Equal(["Chair", "sn/HeadOfAdministration"], policy["escalateTo"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(1, (int)policy["maxAfter"]!);
    }
}
