using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>
/// The README's pictures, taken by the browser tests as they pass: only when BUSFLOW_SCREENSHOTS names
/// a folder (`BUSFLOW_SCREENSHOTS=docs/images ./test.sh --filter Browser`), so a test run changes no file.
/// </summary>
public static class Screenshots
{
    public const string FolderVariable = "BUSFLOW_SCREENSHOTS";

    public static void Save(IWebDriver browser, string name)
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is not { Length: > 0 } folder || browser is not ITakesScreenshot camera)
        {
            return;
        }

        var path = Path.IsPathRooted(folder) ? folder : Path.Combine(BusFlow.Testing.RepositoryRoot.Path, folder);
        Directory.CreateDirectory(path);
        camera.GetScreenshot().SaveAsFile(Path.Combine(path, name + ".png"));
    }
}
