using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace BusFlow.Host.Security;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core data protection (behind the forms' antiforgery tokens) with its keys in the
    /// database, so every node accepts every node's forms, each key encrypted with
    /// <paramref name="certificates"/>' current certificate, so the database alone reveals none.
    /// </summary>
    public static IServiceCollection AddBusFlowDataProtection(this IServiceCollection services, DataProtectionCertificates certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        services.AddSingleton(certificates);
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddDataProtection()
            .SetApplicationName("BusFlow")
            .ProtectKeysWithCertificate(certificates.Current)
            .UnprotectKeysWithAnyCertificate([.. certificates.All]);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));
        return services;
    }
}
