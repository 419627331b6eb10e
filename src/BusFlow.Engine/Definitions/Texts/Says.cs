namespace BusFlow.Engine.Definitions.Texts;

/// <summary>The engine's own validation messages, worded in <see cref="DefinitionTexts"/>.</summary>
internal static class Says
{
    /// <param name="code">A name in DefinitionTexts.resx, given with <c>nameof</c> so that a missing one does not compile.</param>
    public static DefinitionMessage That(string code, params object?[] arguments) =>
        new(DefinitionTexts.ResourceManager, code, arguments);
}
