namespace Warehouse.Crawl.Sources;

/// <summary>
/// Where a column's further list pages come from when the page itself lists only the first ones
/// and the browser fetches the rest from a search API (TRS <c>list2.trsapi</c>, a JSON endpoint):
/// a URL template the page states, asked page by page until a page lists nothing new.
/// </summary>
/// <param name="UrlTemplate">An absolute http(s) URL with <c>{page}</c> where the page number goes.</param>
/// <param name="FirstPage">The first page number asked for (2 by default: page 1 is the static list).</param>
/// <param name="Format"><c>json</c> (any array of objects with a title, a URL and a date) or <c>html</c> (read like a list page).</param>
public sealed record ListApi(string UrlTemplate, int FirstPage, string Format)
{
    /// <summary>The formats an API's answer may have.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["json", "html"];

    /// <summary>The most pages asked of one API in a crawl, whatever it answers.</summary>
    public const int MaxPages = 100;

    /// <summary>The address of page <paramref name="page"/>, normalised as the frontier keeps URLs.</summary>
    public Uri Page(int page) =>
        Crawling.Urls.Normalise(null, UrlTemplate.Replace("{page}", page.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"list.api.url '{UrlTemplate}' is not an http(s) URL: the source reader lets none through.");

    /// <summary>The page number <paramref name="url"/> asks for, or null when it is not one of this API's pages.</summary>
    public int? PageOf(Uri url)
    {
        for (var n = FirstPage; n < FirstPage + MaxPages; n++)
        {
            if (Page(n) == url) return n;
        }

        return null;
    }
}
