using BusFlow.Engine.Documents;
using BusFlow.Hangfire;
using BusFlow.Storage;
using NodaTime;

namespace BusFlow.Host.Configuration;

/// <summary>The "BusFlow" section of the configuration, read once into typed values.</summary>
public sealed class BusFlowSettings
{
    public const string Section = "BusFlow";
    public const string DefaultUrls = "http://localhost:5080";

    /// <summary>ASP.NET Core's own key for where to listen: set by --urls, ASPNETCORE_URLS or a "urls" setting.</summary>
    public const string AspNetCoreUrlsKey = "urls";
    public const string DefaultWorkflowsFolder = "workflows";
    public const string DefaultTemplatesFolder = "templates";
    public const string DefaultTimeZone = "Europe/Stockholm";

    public required StorageOptions Storage { get; init; }
    public required JobOptions Jobs { get; init; }
    public required string WorkflowsFolder { get; init; }

    /// <summary>The message templates (BusFlow:Notifications:Templates), changed by an administrator without a rebuild.</summary>
    public string TemplatesFolder { get; init; } = DefaultTemplatesFolder;
    public required DateTimeZone TimeZone { get; init; }

    /// <summary>
    /// Where the host listens, first found: "urls" (--urls on the command line, then ASPNETCORE_URLS),
    /// then BusFlow:Urls, then <see cref="DefaultUrls"/>.
    /// </summary>
    public required string Urls { get; init; }

    /// <summary>Seed the fictional demo municipality when the database has no organizations yet (the embedded default does).</summary>
    public bool SeedDemoOnFirstStart { get; init; }

    /// <summary>How many requests one client may make to the link pages (/t/…, /unsubscribe/…) per minute (BusFlow:Links:RequestsPerMinute).</summary>
    public int LinkRequestsPerMinute { get; init; } = 30;

    /// <summary>How many requests one link or code may get per minute, from any clients (BusFlow:Links:RequestsPerLinkPerMinute).</summary>
    public int LinkRequestsPerLinkPerMinute { get; init; } = 10;

    /// <summary>What an uploaded document may be (BusFlow:Documents:MaxBytes, BusFlow:Documents:AllowedTypes).</summary>
    public DocumentLimits Documents { get; init; } = new();

    public static BusFlowSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var storage = new StorageOptions();
        section.GetSection("Storage").Bind(storage);
        var jobs = new JobOptions();
        section.GetSection("Jobs").Bind(jobs);
        var zoneId = section["TimeZone"] is { Length: > 0 } configured ? configured : DefaultTimeZone;
        return new BusFlowSettings
        {
            Storage = storage,
            Jobs = jobs,
            WorkflowsFolder = section["Workflows:Folder"] is { Length: > 0 } folder ? folder : DefaultWorkflowsFolder,
            TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
                ?? throw new InvalidOperationException($"BusFlow:TimeZone '{zoneId}' is not a known time zone (expected an IANA name such as {DefaultTimeZone})."),
            Urls = configuration[AspNetCoreUrlsKey] is { Length: > 0 } aspNetCoreUrls ? aspNetCoreUrls
                : section["Urls"] is { Length: > 0 } urls ? urls
                : DefaultUrls,
            SeedDemoOnFirstStart = section.GetValue("Demo:SeedOnFirstStart", false),
            TemplatesFolder = section["Notifications:Templates"] is { Length: > 0 } templates ? templates : DefaultTemplatesFolder,
            LinkRequestsPerMinute = section.GetValue("Links:RequestsPerMinute", 30),
            LinkRequestsPerLinkPerMinute = section.GetValue("Links:RequestsPerLinkPerMinute", 10),
            Documents = DocumentLimitsOf(section.GetSection("Documents")),
        };
    }

    private static DocumentLimits DocumentLimitsOf(IConfigurationSection section)
    {
        var limits = new DocumentLimits { MaxBytes = section.GetValue("MaxBytes", DocumentLimits.DefaultMaxBytes) };
        if (limits.MaxBytes <= 0)
        {
            throw new InvalidOperationException($"BusFlow:Documents:MaxBytes is {limits.MaxBytes}: give the largest document taken in bytes, e.g. {DocumentLimits.DefaultMaxBytes}.");
        }

        var types = section.GetSection("AllowedTypes").Get<string[]>();
        if (types is null || types.Length == 0)
        {
            return limits;
        }

        var unknown = types.Where(t => !DocumentType.All.Any(k => string.Equals(k.Name, t, StringComparison.OrdinalIgnoreCase))).ToList();
        return unknown.Count == 0
            ? limits with { AllowedTypes = types }
            : throw new InvalidOperationException($"BusFlow:Documents:AllowedTypes names {string.Join(", ", unknown)}: the types taken are {string.Join(", ", DocumentType.All.Select(t => t.Name))}.");
    }
}
