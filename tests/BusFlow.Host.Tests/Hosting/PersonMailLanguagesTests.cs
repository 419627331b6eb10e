using System.Text.Json.Nodes;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Hosting;

/// <summary>A person's language, kept in the directory, is the language of the mail BusFlow writes her.</summary>
public sealed class PersonMailLanguagesTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"busflow-language-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task A_chair_who_reads_English_is_invited_in_English_and_her_colleagues_in_Swedish()
    {
        var angsby = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "examples", "angsby-spring-and-autumn.yaml"));
        const string swedish = "  - { id: karin.ahlstrom, name: Karin Ahlström, email: karin.ahlstrom@angsby.test }";
        Assert.Contains(swedish, angsby, StringComparison.Ordinal);
        await File.WriteAllTextAsync(_file, angsby.Replace(swedish, swedish.Replace(" }", ", language: en }", StringComparison.Ordinal), StringComparison.Ordinal));

        var run = await CliRun.RunAsync(
            ["simulate", "--setup", _file, "--from", "2026-12-01", "--to", "2027-02-02", "--json"],
            new Dictionary<string, string?>
            {
                ["BusFlow:Workflows:Folder"] = Path.Combine(RepositoryRoot.Path, "workflows"),
                ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
            });

        Assert.True(run.ExitCode == 0, run.Error);
        var invitations = run.OutputLines.Select(line => JsonNode.Parse(line)!.AsObject())
            .Where(e => (string?)e["kind"] == "mail" && (string?)e["mail"]!["calendarMethod"] == "REQUEST")
            .ToDictionary(e => (string)e["recipient"]!, e => (string)e["subject"]!);
        Assert.Equal("Invitation: Vårmöte BUS 2027, 15 April 2027", invitations["karin.ahlstrom@angsby.test"]);
        Assert.Equal("Inbjudan: Vårmöte BUS 2027 15 april 2027", invitations["jonas.melin@angsby.test"]);
    }
}
