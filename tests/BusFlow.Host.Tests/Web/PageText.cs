using System.Net;
using System.Text.RegularExpressions;

namespace BusFlow.Host.Tests.Web;

/// <summary>What a person reads on a page: its text without tags, entities decoded, spaces collapsed.</summary>
public static partial class PageText
{
    public static async Task<string> OfAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var body = Body().Match(html) is { Success: true } match ? match.Groups[1].Value : html;
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(body, " ")), " ").Trim();
    }

    [GeneratedRegex("<body[^>]*>(.*)</body>", RegexOptions.Singleline)]
    private static partial Regex Body();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
