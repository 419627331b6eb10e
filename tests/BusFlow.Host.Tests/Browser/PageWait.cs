using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace BusFlow.Host.Tests.Browser;

/// <summary>Waiting for the page a click or a redirect leads to.</summary>
public static class PageWait
{
    /// <summary>Waits for the page to be the one expected; fails with where the browser is and what it shows instead.</summary>
    public static void Until(IWebDriver browser, Func<IWebDriver, bool> condition, string expected)
    {
        ArgumentNullException.ThrowIfNull(browser);
        try
        {
            // The old page's elements go stale while the new one loads.
            var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(15));
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
            wait.Until(b => HoldsOnCurrentPage(b, condition));
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"Expected {expected} at {browser.Url}, but the page shows:{Environment.NewLine}{browser.FindElement(By.TagName("body")).Text}");
        }
    }

    // Chromium reports an element found on the old page and read on the new one as an inspector error, not as stale.
    private static bool HoldsOnCurrentPage(IWebDriver browser, Func<IWebDriver, bool> condition)
    {
        try
        {
            return condition(browser);
        }
        catch (UnknownErrorException e) when (e.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            return false;
        }
    }

    /// <summary>Waits for a page whose main heading reads <paramref name="heading"/>.</summary>
    public static void ForHeading(IWebDriver browser, string heading) =>
        Until(browser, b => b.FindElement(By.TagName("h1")).Text == heading, $"the heading '{heading}'");
}
