using System.Text.Json.Nodes;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Support;

/// <summary>`busflow simulate` with the repository's shipped workflows and templates, as the simulate tests run it.</summary>
public static class SimulateCli
{
    public static IReadOnlyDictionary<string, string?> ShippedFolders { get; } = new Dictionary<string, string?>
    {
        ["BusFlow:Workflows:Folder"] = Path.Combine(RepositoryRoot.Path, "workflows"),
        ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
    };

    /// <summary>Runs `simulate` with the arguments and --json, asserts it succeeded and returns its lines as JSON objects.</summary>
    public static async Task<List<JsonObject>> JsonLinesAsync(params string[] arguments)
    {
        var run = await CliRun.RunAsync([.. arguments, "--json"], ShippedFolders);
        Assert.True(run.ExitCode == 0, run.Error);
        return run.OutputLines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    }
}
