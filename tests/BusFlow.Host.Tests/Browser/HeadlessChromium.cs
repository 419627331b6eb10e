using OpenQA.Selenium.Chrome;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// Debian's chromium, headless, driven through Debian's chromedriver (BUSFLOW_TEST_CHROMIUM and
/// BUSFLOW_TEST_CHROMEDRIVER, set by ./test.sh) on a fresh profile that is deleted afterwards.
/// Both paths are given, so Selenium Manager never looks for (or downloads) a browser or driver.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string ChromiumVariable = "BUSFLOW_TEST_CHROMIUM";
    public const string ChromeDriverVariable = "BUSFLOW_TEST_CHROMEDRIVER";

    private readonly string _profile;

    private HeadlessChromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    /// <summary>A browser with JavaScript switched off for every page (a person's setting, as a content setting), or on.</summary>
    public static HeadlessChromium Start(bool javaScript)
    {
        var chromium = RequiredPath(ChromiumVariable, "chromium");
        var chromeDriver = RequiredPath(ChromeDriverVariable, "chromium-driver");
        var profile = Directory.CreateTempSubdirectory("busflow-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1024",
            $"--user-data-dir={profile}");
        if (!javaScript)
        {
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromeDriver)!, Path.GetFileName(chromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        try
        {
            var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
            driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
            driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
            return new HeadlessChromium(driver, profile);
        }
        catch
        {
            service.Dispose();
            DeleteProfile(profile);
            throw;
        }
    }

    public void Dispose()
    {
        // Quit ends the browser and the driver service with it.
        Driver.Quit();
        Driver.Dispose();
        DeleteProfile(_profile);
    }

    private static string RequiredPath(string variable, string package) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{variable} does not name a file: run ./test.sh, which installs {package} and sets it.");

    private static void DeleteProfile(string profile)
    {
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A browser process that has not quite let go of its profile leaves a temp folder behind, nothing more.
        }
    }
}
