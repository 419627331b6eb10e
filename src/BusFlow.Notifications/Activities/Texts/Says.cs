using System.Resources;
using BusFlow.Engine.Definitions;

namespace BusFlow.Notifications.Activities.Texts;

/// <summary>The mail activities' validation messages, worded in <see cref="NotificationTexts"/>.</summary>
internal static class Says
{
    /// <summary>The mail activities' descriptions in other languages than English (see ActivityType.DescriptionTexts).</summary>
    public static ResourceManager Descriptions { get; } = new("BusFlow.Notifications.Activities.Texts.ActivityDescriptions", typeof(Says).Assembly);

    /// <param name="code">A name in NotificationTexts.resx, given with <c>nameof</c> so that a missing one does not compile.</param>
    public static DefinitionMessage That(string code, params object?[] arguments) =>
        new(NotificationTexts.ResourceManager, code, arguments);
}
