using BusFlow.Engine.Definitions;
using BusFlow.Hangfire;
using BusFlow.Hangfire.Dashboard;
using BusFlow.Host.Api;
using BusFlow.Host.Api.Health;
using BusFlow.Host.Configuration;
using BusFlow.Host.Demo;
using BusFlow.Host.Feeds;
using BusFlow.Host.Pages;
using BusFlow.Host.Security;
using BusFlow.Host.Simulation;
using BusFlow.Host.Telemetry;
using BusFlow.Notifications;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Templates;
using BusFlow.Storage;
using BusFlow.Storage.Notifications;
using BusFlow.Web;
using BusFlow.Web.Accounts;
using BusFlow.Web.Pages.Instances;
using BusFlow.Web.Pages.Workflows;
using BusFlow.Web.Security;
using NodaTime;

namespace BusFlow.Host.Hosting;

/// <summary>
/// The web host: the engine on the configured database, Hangfire for timers and scheduled mail, the
/// JSON API, the pages and the dashboard. <see cref="StartAsync"/> is what `busflow serve` runs and what the tests start.
/// </summary>
public static class BusFlowHost
{
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Builds the application with its services, middleware and endpoints; nothing runs yet.
    /// <paramref name="clock"/> replaces the system clock (tests pin "today" with it).
    /// </summary>
    public static WebApplication Build(IConfiguration configuration, IClock? clock = null)
    {
        var settings = BusFlowSettings.From(configuration);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(BusFlowHost).Assembly.GetName().Name,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.AddBusFlowRequestLog();
        builder.Logging.AddBusFlowLogFormat(configuration);
        builder.Services.AddSingleton(settings);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddSingleton(LinkKeySource.Load(configuration));
        var mail = MailSettings(configuration);
        builder.Services.AddBusFlowNotifications(mail);
        builder.Services.AddBusFlowImmediateDelivery(mail);
        if (Directory.Exists(settings.TemplatesFolder))
        {
            builder.Services.AddBusFlowSavedTemplates(settings.TemplatesFolder, settings.TimeZone.Id);
        }

        builder.Services.AddSingleton(new BusFlow.Engine.Documents.DocumentRules(settings.Documents));
        builder.Services.AddBusFlowWorkflows(settings.TimeZone, settings.TemplatesFolder);
        builder.Services.AddBusFlowStorage(settings.Storage);
        builder.Services.AddBusFlowHangfire(settings.Jobs);
        builder.Services.AddBusFlowApi();
        builder.Services.AddBusFlowPages(
            new LinkRequestLimits(settings.LinkRequestsPerMinute, settings.LinkRequestsPerLinkPerMinute), DataProtectionCertificates.Load(configuration));
        builder.Services.AddBusFlowFeeds();
        builder.Services.AddSingleton(LateTimerSettings.From(configuration));
        builder.Services.AddSingleton(HealthSettings.From(configuration));
        builder.Services.AddBusFlowTelemetry(TelemetrySettings.From(configuration));
        builder.Services.AddSingleton<IDraftPreview, SimulatedDraftPreview>();
        builder.Services.AddBusFlowWeb(SignInSettings.From(configuration));

        var app = builder.Build();
        if (!MailLinkAddress.IsConfigured(configuration))
        {
            MailLinkAddress.FollowListeningAddress(app, settings.Urls);
        }

        app.UseBusFlowRequestLog();
        app.UseKnownProxies(ProxySettings.KnownProxies(configuration));
        app.UseBusFlowErrors();
        app.UseRouting();
        app.UseBusFlowSignIn();
        app.UseBusFlowPageGuards();
        app.MapBusFlowApi();
        app.MapBusFlowTelemetry();
        app.MapBusFlowPages();
        app.MapBusFlowWeb();
        app.MapBusFlowDashboard(DashboardPath, http => BusFlowPolicies.ActsAsAdministrator(http.User, http.RequestServices.GetRequiredService<SignInSettings>()))
            .RequireAuthorization(BusFlowPolicies.Administrator);
        return app;
    }

    /// <summary>
    /// Builds the application, migrates the database, publishes the workflows folder and then starts
    /// the web server, the Hangfire server and the jobs startup. Throws <see cref="HostStartupException"/>
    /// (after logging why) when it cannot start; then nothing is left running.
    /// </summary>
    public static async Task<WebApplication> StartAsync(IConfiguration configuration, CancellationToken ct = default, IClock? clock = null)
    {
        var app = Build(configuration, clock);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BusFlowHost).FullName!);
        var started = false;
        try
        {
            await PrepareAsync(app, logger, ct);
            await app.StartAsync(ct);
            logger.LogInformation("BusFlow is listening on {Urls}.", string.Join(", ", app.Urls));
            started = true;
            return app;
        }
        catch (Exception error) when (error is not HostStartupException and not OperationCanceledException)
        {
            logger.LogCritical(error, "BusFlow could not start.");
            throw new HostStartupException("BusFlow could not start: " + error.Message, error);
        }
        finally
        {
            if (!started)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>`busflow serve`: runs until the process is asked to stop, then shuts down gracefully.</summary>
    public static async Task<int> ServeAsync(IConfiguration configuration, CancellationToken ct)
    {
        WebApplication app;
        try
        {
            app = await StartAsync(configuration, ct);
        }
        catch (HostStartupException)
        {
            return 1;
        }

        await using (app)
        {
            await app.WaitForShutdownAsync(ct);
        }

        return 0;
    }

    private static async Task PrepareAsync(WebApplication app, ILogger logger, CancellationToken ct)
    {
        var settings = app.Services.GetRequiredService<BusFlowSettings>();
        LoadTemplates(app.Services, settings, logger);
        await DatabaseMigration.MigrateAsync(app.Services, ct);
        // The versions saved in the browser replace the folder's files from the first mail on.
        app.Services.GetService<SavedMessageTemplates>()?.Refresh();
        var report = await app.Services.GetRequiredService<WorkflowFolderPublisher>().PublishAsync(settings.WorkflowsFolder, ct);
        foreach (var error in report.Errors)
        {
            logger.LogError("{DefinitionError}", error.ToString());
        }

        if (!report.Succeeded)
        {
            // A typo in one file must not take the service down at its next restart: the rest is published.
            logger.LogError("{Count} error(s) in the workflow definitions of {Folder}: the files with errors published nothing and their definitions keep serving their last published versions.",
                report.Errors.Count, settings.WorkflowsFolder);
        }

        logger.LogInformation("{Count} workflow definition(s) in {Folder}; {New} version(s) newly published.",
            report.DefinitionCount, settings.WorkflowsFolder, report.NewlyPublished);
        await app.Services.GetRequiredService<BusStartup>().RunAsync(settings.SeedDemoOnFirstStart, ct);
        await AnnounceSetupLinkAsync(app, logger, ct);
    }

    /// <summary>
    /// With no administrator yet, a one-time setup link: printed on the console (where whoever started
    /// BusFlow sees it) and in the log, valid 24 hours, used once; only its hash is stored.
    /// </summary>
    private static async Task AnnounceSetupLinkAsync(WebApplication app, ILogger logger, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().IssueLinkIfNoneAsync(ct) is not { } secret)
        {
            return;
        }

        if (LogFormat.IsJson(app.Configuration))
        {
            // Structured logs go to collectors that many read: the link, a secret, is not written there.
            logger.LogWarning("BusFlow has no administrator yet. Create the first one with `busflow users add --email EMAIL --role administrator`; with BusFlow:Logging:Format json the one-time setup link is not shown.");
            return;
        }

        var url = $"{app.Services.GetRequiredService<MailOptions>().LinkBaseUrl.TrimEnd('/')}{FirstAdministrator.PathPrefix}{secret}";
        Console.WriteLine($"BusFlow has no administrator yet. Create the first one within 24 hours at:{Environment.NewLine}  {url}");
        logger.LogWarning("BusFlow has no administrator yet. Create the first one within 24 hours at {SetupUrl} (the link works once).", url);
    }

    /// <summary>Loads and checks the message templates now, so that a broken one stops the start with every error listed.</summary>
    private static void LoadTemplates(IServiceProvider services, BusFlowSettings settings, ILogger logger)
    {
        try
        {
            var templates = services.GetService<IMessageTemplates>();
            if (templates is null)
            {
                logger.LogWarning("No message templates folder at {Folder}; a SendEmail step with a template will fault.", settings.TemplatesFolder);
                return;
            }

            logger.LogInformation("{Count} message template(s) in {Folder}.", templates.Names.Count, settings.TemplatesFolder);
        }
        catch (TemplateLoadException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                logger.LogError("{TemplateError}", error.ToString());
            }

            throw new HostStartupException($"{invalid.Errors.Count} error(s) in the message templates of {settings.TemplatesFolder}.");
        }
    }

    /// <summary>The "BusFlow:Mail" section: Folder mode (data/mail) unless configured otherwise.</summary>
    private static MailOptions MailSettings(IConfiguration configuration)
    {
        var mail = new MailOptions();
        configuration.GetSection(BusFlowSettings.Section).GetSection("Mail").Bind(mail);
        return mail;
    }
}
