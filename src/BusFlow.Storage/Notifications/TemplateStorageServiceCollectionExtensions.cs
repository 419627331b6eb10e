using BusFlow.Notifications.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Storage.Notifications;

public static class TemplateStorageServiceCollectionExtensions
{
    /// <summary>
    /// The message templates of <paramref name="folder"/> with the versions saved in the database in their
    /// place (<see cref="SavedMessageTemplates"/> as <see cref="IMessageTemplates"/>), and their editor.
    /// Register before anything that only adds templates when none are registered.
    /// </summary>
    public static IServiceCollection AddBusFlowSavedTemplates(this IServiceCollection services, string folder, string timeZone)
    {
        services.AddSingleton(_ => new FluidMessageTemplates(folder, timeZone));
        services.AddSingleton<ITemplateVersions, EfTemplateVersions>();
        services.AddSingleton<SavedMessageTemplates>();
        services.AddSingleton<IMessageTemplates>(sp => sp.GetRequiredService<SavedMessageTemplates>());
        services.AddSingleton<TemplateEditor>();
        return services;
    }
}
