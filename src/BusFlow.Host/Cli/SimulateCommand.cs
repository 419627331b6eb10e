using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Bus.Cycles;
using BusFlow.Bus.Model;
using BusFlow.Bus.Setup;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Host.Configuration;
using BusFlow.Host.Simulation;
using BusFlow.Notifications.Templates;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Cli;

/// <summary>
/// `busflow simulate --workflow id [...]`: runs a workflow over months in seconds on a throwaway
/// database and prints what happened when, in the engine's time zone.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(IConfiguration configuration)
    {
        var workflow = new Option<string?>("--workflow", "-w") { Description = "The id of the workflow to start (or use --demo)." };
        var demo = new Option<bool>("--demo") { Description = "Run the demo municipality's agreement cycles (annual wheel and renewal), as a first start does." };
        var setup = new Option<string?>("--setup") { Description = "Import this setup file (YAML or JSON) into the throwaway database and run its agreements' cycles over a mandate." };
        var responses = new Option<string>("--responses")
        {
            Description = $"With --demo or --setup, how the boards answer: {string.Join(", ", BusFlow.Bus.Simulation.BoardResponder.Policies)}.",
            DefaultValueFactory = _ => "approve",
        };
        responses.AcceptOnlyFromAmong([.. BusFlow.Bus.Simulation.BoardResponder.Policies]);
        var input = new Option<string?>("--input", "-i") { Description = "The input as a JSON object, or @file to read it from a file." };
        var from = DateOption("--from", new LocalDate(2026, 1, 1), "The day the instance starts, at 00:00 local time");
        var to = DateOption("--to", new LocalDate(2027, 1, 1), "The day the simulation stops, at 00:00 local time");
        var answer = new Option<string>("--answer")
        {
            Description = "How people answer tasks: 'first' (each task's first outcome), 'never', or an outcome (where a task allows it, else its first).",
            DefaultValueFactory = _ => AnswerChoice.First,
        };
        var answerAfter = new Option<int>("--answer-after")
        {
            Description = "After how many working days people answer, at 10:00 local time.",
            DefaultValueFactory = _ => 2,
        };
        answerAfter.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--answer-after must be 0 or more working days.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print one JSON object per event instead of lines for people." };
        var templates = new Option<string>("--templates")
        {
            Description = "The folder of message templates the mails are rendered from (BusFlow:Notifications:Templates).",
            DefaultValueFactory = _ => BusFlowSettings.From(configuration).TemplatesFolder,
        };

        var command = new Command("simulate", "Runs a workflow on a virtual clock over a throwaway database and prints its timeline.")
        {
            workflow, demo, setup, responses, input, from, to, answer, answerAfter, json, templates,
        };
        command.Validators.Add(result =>
        {
            var given = (string.IsNullOrWhiteSpace(result.GetValue(workflow)) ? 0 : 1) + (result.GetValue(demo) ? 1 : 0) + (string.IsNullOrWhiteSpace(result.GetValue(setup)) ? 0 : 1);
            if (given != 1)
            {
                result.AddError("Give one of --workflow <id>, --demo or --setup <file>.");
            }
        });
        command.Validators.Add(result =>
        {
            if (ParseDate(result.GetValue(from)) is { } start && ParseDate(result.GetValue(to)) is { } end && end <= start)
            {
                result.AddError("--to must be a later day than --from.");
            }
        });
        command.Validators.Add(result =>
        {
            // The default folder may be missing (a run without mails); a folder asked for must exist.
            if (result.GetResult(templates) is { Implicit: false } && !Directory.Exists(result.GetValue(templates)))
            {
                result.AddError($"The templates folder '{result.GetValue(templates)}' does not exist.");
            }
        });
        command.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, async () =>
        {
            if (!TryReadInput(parse.GetValue(input), out var inputObject, out var inputProblem))
            {
                await parse.Error().WriteLineAsync($"busflow: {inputProblem}");
                return 1;
            }

            var settings = BusFlowSettings.From(configuration);
            var request = new SimulationRequest(
                settings.WorkflowsFolder,
                parse.GetValue(workflow) ?? "",
                inputObject,
                ParseDate(parse.GetValue(from))!.Value,
                ParseDate(parse.GetValue(to))!.Value,
                new AnswerChoice(parse.GetValue(answer)!),
                parse.GetValue(answerAfter),
                settings.TimeZone)
            {
                Demo = parse.GetValue(demo),
                SetupFile = parse.GetValue(setup),
                ResponsePolicy = parse.GetValue(responses)!,
                TemplatesFolder = parse.GetValue(templates),
            };
            if (request.SetupFile is { } setupFile && !await AnnounceSetupAsync(parse, setupFile, request.From, parse.GetValue(json)))
            {
                return 1;
            }

            return await RunAsync(parse, request, parse.GetValue(json), ct);
        }));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, SimulationRequest request, bool asJson, CancellationToken ct)
    {
        SimulationResult result;
        try
        {
            result = await WorkflowSimulation.RunAsync(request, ct);
        }
        catch (DefinitionValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                await parse.Error().WriteLineAsync(error.ToString());
            }

            return 1;
        }
        catch (WorkflowRequestException refused)
        {
            await parse.Error().WriteLineAsync($"busflow: {refused.Message}");
            return 1;
        }
        catch (SetupRejectedException rejected)
        {
            foreach (var problem in rejected.Problems)
            {
                await parse.Error().WriteLineAsync(problem.ToString());
            }

            return 1;
        }
        catch (TemplateLoadException broken)
        {
            foreach (var error in broken.Errors)
            {
                await parse.Error().WriteLineAsync(error.ToString());
            }

            return 1;
        }

        foreach (var happened in result.Timeline)
        {
            await parse.Out().WriteLineAsync(asJson ? TimelineFormatter.ToJson(happened) : TimelineFormatter.ToText(happened));
        }

        if (asJson)
        {
            await parse.Out().WriteLineAsync(SummaryFormatter.ToJson(result.Summary));
        }
        else
        {
            foreach (var line in SummaryFormatter.ToText(result.Summary))
            {
                await parse.Out().WriteLineAsync(line);
            }
        }

        var instance = result.Instance;
        if (instance.Status == InstanceStatus.Faulted)
        {
            await parse.Error().WriteLineAsync($"{instance.DefinitionId} faulted at {instance.FaultActivityId}: {instance.FaultMessage}");
            return 1;
        }

        if (!asJson)
        {
            var end = TimelineFormatter.FormatLocal(result.End.InZone(request.Zone).LocalDateTime);
            await parse.Out().WriteLineAsync(instance.Status == InstanceStatus.Waiting
                ? $"{instance.DefinitionId} is still waiting at {end} ({request.Zone.Id})."
                : $"{instance.DefinitionId} is {instance.Status.ToString().ToLowerInvariant()}.");
        }

        return 0;
    }

    /// <summary>
    /// Checks the setup file before anything runs and says which of its agreements have a cycle
    /// shape that no shipped workflow drives yet (on standard error with --json, so that the
    /// output stays one JSON object a line).
    /// </summary>
    private static async Task<bool> AnnounceSetupAsync(ParseResult parse, string file, LocalDate today, bool asJson)
    {
        if (!File.Exists(file))
        {
            await parse.Error().WriteLineAsync($"busflow: the setup file '{file}' does not exist");
            return false;
        }

        var (document, problems) = SetupReader.Read(file, await File.ReadAllTextAsync(file));
        if (document is not null)
        {
            problems = SetupRules.Check(file, document, SetupDirectory.Empty, today);
        }

        foreach (var problem in problems)
        {
            await parse.Error().WriteLineAsync(problem.ToString());
        }

        if (document is null || problems.Count > 0)
        {
            return false;
        }

        var notes = asJson ? parse.Error() : parse.Out();
        foreach (var agreement in document.Agreements.Where(a => a.Status == AgreementStatus.Active && !AgreementCycles.HasWorkflow(a.Cycle)))
        {
            await notes.WriteLineAsync(
                $"{agreement.Id}: its cycle is {SetupNames.Of(agreement.Cycle)}, which no shipped workflow drives: its yearly meetings are not run.");
        }

        return true;
    }

    /// <summary>A date option kept as ISO text, so that help shows its default as people type it.</summary>
    private static Option<string> DateOption(string name, LocalDate defaultValue, string description)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description} (YYYY-MM-DD)",
            DefaultValueFactory = _ => LocalDatePattern.Iso.Format(defaultValue),
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (ParseDate(text) is null)
            {
                result.AddError($"'{text}' is not a date (expected YYYY-MM-DD).");
            }
        });
        return option;
    }

    private static LocalDate? ParseDate(string? text) =>
        LocalDatePattern.Iso.Parse(text ?? "") is { Success: true } parsed ? parsed.Value : null;

    /// <summary>The --input text, or the file named after '@', as a JSON object.</summary>
    private static bool TryReadInput(string? text, out JsonObject? input, out string? problem)
    {
        input = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (text.StartsWith('@'))
        {
            var file = text[1..];
            if (!File.Exists(file))
            {
                problem = $"the input file '{file}' does not exist";
                return false;
            }

            text = File.ReadAllText(file);
        }

        try
        {
            input = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException error)
        {
            problem = $"the input is not valid JSON: {error.Message}";
            return false;
        }

        problem = input is null ? "the input must be a JSON object, e.g. {\"dueDate\": \"2026-04-01\"}" : null;
        return input is not null;
    }
}
