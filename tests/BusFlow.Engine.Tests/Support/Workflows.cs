namespace BusFlow.Engine.Tests.Support;

/// <summary>Builds small definition files for tests: a root activity inside the usual envelope.</summary>
public static class Workflows
{
    public static string Definition(string id, string root, string inputs = "[]", string variables = "[]", int version = 1) =>
        $$"""
        {
          "id": "{{id}}",
          "version": {{version}},
          "name": "Test workflow {{id}}",
          "inputs": {{inputs}},
          "variables": {{variables}},
          "root": {{root}}
        }
        """;
}
