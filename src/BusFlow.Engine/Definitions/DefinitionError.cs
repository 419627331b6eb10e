namespace BusFlow.Engine.Definitions;

/// <summary>One mistake in a definition file: where it is and, in plain words, what is wrong.</summary>
public sealed record DefinitionError(string File, string JsonPath, DefinitionMessage Text)
{
    /// <summary>In English, for the log, the command line and the API.</summary>
    public string Message => Text.ToString();

    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}

/// <summary>Thrown when one or more definitions are invalid; nothing was published.</summary>
public sealed class DefinitionValidationException(IReadOnlyList<DefinitionError> errors)
    : Exception($"{errors.Count} error(s) in workflow definitions:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
