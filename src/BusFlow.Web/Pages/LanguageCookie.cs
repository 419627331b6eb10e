namespace BusFlow.Web.Pages;

/// <summary>The cookie that keeps the language a person chose (?lang=en), read by the web app and by the host's error pages.</summary>
public static class LanguageCookie
{
    public const string Name = "busflow-lang";
}
