namespace BusFlow.Web.Pages;

/// <summary>The web app's style sheet, built into the assembly and served from the app (never a CDN).</summary>
public static class WebAssets
{
    public const string StyleSheetPath = "/assets/web.css";

    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream("BusFlow.Web.Assets.web.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IResult StyleSheet() => Results.Text(Css.Value, "text/css; charset=utf-8");
}
