using BusFlow.Host.Tests.Support;
using OpenQA.Selenium;

namespace BusFlow.Host.Tests.Browser;

/// <summary>Signs a browser in through the sign-in page as a person does: address, password, then the TOTP code if asked.</summary>
public static class BrowserSignIn
{
    public static void SignIn(IWebDriver browser, Uri site, string email, string password, string? totpKey)
    {
        browser.Navigate().GoToUrl(new Uri(site, "/konto/logga-in"));
        browser.FindElement(By.Name("email")).SendKeys(email);
        browser.FindElement(By.Name("password")).SendKeys(password);
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        if (totpKey is not null)
        {
            // A click does not wait for the page it submits to; on a busy machine the password check takes a while.
            PageWait.Until(browser, b => b.FindElements(By.Name("code")).Count == 1, "the second factor's code field");
            browser.FindElement(By.Name("code")).SendKeys(Totp.Code(totpKey, DateTimeOffset.UtcNow));
            browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        }

        // The last click does not wait either: a page asked for now could lose to the sign-in's own redirect home.
        PageWait.Until(browser, b => b.FindElements(By.Name("password")).Count == 0 && b.FindElements(By.Name("code")).Count == 0, "the page after signing in");
    }
}
