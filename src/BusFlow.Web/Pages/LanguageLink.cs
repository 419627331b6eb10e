using Microsoft.AspNetCore.Http.Extensions;

namespace BusFlow.Web.Pages;

/// <summary>The link that switches a page's language: the page as it is (its year, its filters, its page number), in the other language.</summary>
public static class LanguageLink
{
    public static string To(IQueryCollection query, string language)
    {
        ArgumentNullException.ThrowIfNull(query);
        var kept = new QueryBuilder(query.Where(q => q.Key != "lang").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
        {
            { "lang", language },
        };
        return kept.ToString();
    }
}
