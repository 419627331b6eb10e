using System.Globalization;
using System.Resources;
using BusFlow.Engine.Definitions.Texts;

namespace BusFlow.Engine.Definitions;

/// <summary>
/// What is wrong with a definition, as a code and its arguments rather than a sentence, so that each reader gets it in
/// their own language: the designer in Swedish or English, <c>busflow validate</c> and the log in English (the neutral
/// resources). A module that validates its own activities words its codes in its own resources.
/// </summary>
public sealed class DefinitionMessage : IEquatable<DefinitionMessage>
{
    private readonly ResourceManager _texts;

    public DefinitionMessage(ResourceManager texts, string code, params object?[] arguments)
    {
        _texts = texts;
        Code = code;
        Arguments = arguments;
    }

    public string Code { get; }

    /// <summary>The values put into the wording; a nested message is worded in the same language.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>"the property '…' is required": for hosts that check a request the way definitions are checked.</summary>
    public static DefinitionMessage Required(string property) => Says.That(nameof(DefinitionTexts.PropertyRequired), property);

    public string ToString(CultureInfo culture)
    {
        var wording = _texts.GetString(Code, culture) ?? Code;
        var arguments = Arguments.Select(a => a is DefinitionMessage nested ? nested.ToString(culture) : a).ToArray();
        return string.Format(culture, wording, arguments);
    }

    /// <summary>In English, for the log and the command line.</summary>
    public override string ToString() => ToString(CultureInfo.InvariantCulture);

    // Equal by what it says, as the sentence it replaced was: a DefinitionError stays a value.
    public bool Equals(DefinitionMessage? other) =>
        other is not null && ReferenceEquals(_texts, other._texts) && Code == other.Code && Arguments.SequenceEqual(other.Arguments);

    public override bool Equals(object? obj) => Equals(obj as DefinitionMessage);

    public override int GetHashCode() => HashCode.Combine(Code, Arguments.Count);
}
