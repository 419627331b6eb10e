namespace BusFlow.Host.Configuration;

/// <summary>
/// Where settings come from, lowest precedence first: ASP.NET Core's ASPNETCORE_* environment
/// variables without their prefix (ASPNETCORE_URLS is "urls"), appsettings.json (the one in the
/// current directory, else the copy beside the executable), environment variables such as
/// BusFlow__Storage__Provider, and finally the settings a caller passes (tests, the command line).
/// </summary>
public static class BusFlowConfiguration
{
    public const string FileName = "appsettings.json";

    public static IConfigurationRoot Load(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_");
        if (FindSettingsFile() is { } file)
        {
            builder.AddJsonFile(file, optional: true, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }

    private static string? FindSettingsFile() =>
        new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            .Select(folder => Path.Combine(folder, FileName))
            .FirstOrDefault(File.Exists);
}
