using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Host.Hosting;
using NodaTime;

namespace BusFlow.Host.Cli;

/// <summary>`busflow schema [--output file]`: the JSON Schema of definition files, from the activity registry.</summary>
public static class SchemaCommand
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // A file for people and editors, never embedded in HTML: keep quotes and '<' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static Command Create()
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the schema to this file instead of standard output." };
        var command = new Command("schema", "Prints the JSON Schema of workflow definition files, generated from the activity types.") { output };
        command.SetAction(async (parse, ct) =>
        {
            var schema = Render();
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, schema, ct);
                await parse.Out().WriteLineAsync($"Wrote {file.FullName}");
            }
            else
            {
                await parse.Out().WriteAsync(schema);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The schema of this host's activity types, as `busflow schema` prints it.</summary>
    public static string Render()
    {
        using var services = new ServiceCollection().AddBusFlowWorkflows(DateTimeZone.Utc).BuildServiceProvider();
        return Render(services.GetRequiredService<ActivityRegistry>());
    }

    /// <summary>The schema as written to workflows/workflow.schema.json: indented, LF line ends, a final newline.</summary>
    public static string Render(ActivityRegistry registry) =>
        WorkflowSchemaGenerator.Generate(registry).ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
}
