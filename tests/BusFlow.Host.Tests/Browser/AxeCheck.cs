using System.Text;
using System.Text.Json;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// axe-core's automated accessibility check of the page a browser shows, limited to the WCAG 2.0
/// and 2.1 rules of levels A and AA. axe.min.js comes from BUSFLOW_TEST_AXE (./test.sh installs
/// axe-core with npm ci, pinned by tests/BusFlow.Host.Tests/Browser/axe/package-lock.json).
/// </summary>
public static class AxeCheck
{
    public const string AxeVariable = "BUSFLOW_TEST_AXE";

    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Source = new(() =>
        Environment.GetEnvironmentVariable(AxeVariable) is { Length: > 0 } path && File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{AxeVariable} does not name axe.min.js: run ./test.sh, which installs axe-core with npm ci and sets it."));

    // Runs in the page; the last argument is WebDriver's callback. Only what the report needs comes back.
    private const string RunScript = """
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
          .then(r => done(JSON.stringify({
            version: axe.version,
            passed: r.passes.map(p => p.id),
            violations: r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
            })),
          })))
          .catch(e => done(JSON.stringify({ error: String(e) })));
        """;

    /// <summary>Checks the page the driver shows now. The browser must run JavaScript: axe is a script.</summary>
    public static AxeResult Run(IWebDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var scripts = (IJavaScriptExecutor)driver;
        scripts.ExecuteScript(Source.Value);
        var json = scripts.ExecuteAsyncScript(RunScript, (object)WcagTags) as string
            ?? throw new InvalidOperationException("axe.run gave no result.");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"axe.run failed on {driver.Url}: {error.GetString()}");
        }

        var violations = root.GetProperty("violations").EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString(),
            v.GetProperty("help").GetString()!,
            v.GetProperty("helpUrl").GetString()!,
            [.. v.GetProperty("nodes").EnumerateArray().Select(n => new AxeNode(
                n.GetProperty("target").GetString()!, n.GetProperty("html").GetString()!, n.GetProperty("summary").GetString()))])).ToList();
        var passed = root.GetProperty("passed").EnumerateArray().Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal);
        return new AxeResult(driver.Url, root.GetProperty("version").GetString()!, passed, violations);
    }
}

/// <summary>What axe found on one page: the rules that passed and the ones that did not.</summary>
public sealed record AxeResult(string Url, string AxeVersion, IReadOnlySet<string> Passed, IReadOnlyList<AxeViolation> Violations)
{
    /// <summary>The violations as a person reads them: rule, impact, help, and each element with what to fix.</summary>
    public string Report(string page)
    {
        var text = new StringBuilder();
        foreach (var violation in Violations)
        {
            text.AppendLine($"{page} ({Url}): {violation.Id} [{violation.Impact}] {violation.Help} — {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine($"    {node.Target}: {node.Html}");
                text.AppendLine($"        {node.Summary?.ReplaceLineEndings(Environment.NewLine + "        ")}");
            }
        }

        return text.ToString();
    }
}

public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes);

public sealed record AxeNode(string Target, string Html, string? Summary);
