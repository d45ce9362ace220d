using System.Text.Json;
using System.Text.RegularExpressions;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Crawling;

/// <summary>
/// Reads one page of a column's search API (<see cref="ListApi"/>). Pure: the answer and the
/// column's address in, links out. A JSON answer's items are the objects anywhere in it that have
/// a title and a URL (TRS names them doctitle and chnldocurl, with docreltime for the date); an
/// HTML answer is read like a list page.
/// </summary>
public static class ApiPage
{
    private static readonly string[] TitleKeys = ["title", "doctitle", "name"];
    private static readonly string[] UrlKeys = ["url", "chnldocurl", "docpuburl", "docurl", "link", "href"];
    private static readonly string[] DateKeys = ["date", "docreltime", "pubdate", "publishdate", "docpubtime", "time"];

    /// <param name="body">The API's answer, decoded.</param>
    /// <param name="column">The column's first list page: relative URLs resolve against it, and it bounds the generic fallback of an HTML answer.</param>
    /// <returns>The report links, every item as an entry, the count the answer declares; no further pages (the crawler asks for the next number).</returns>
    public static ListPageLinks Read(string body, Uri apiUrl, Uri column, ListApi api, ListProfile profile)
    {
        if (api.Format == "html")
        {
            var html = ListPage.Read(body, column, profile, column);
            return html with { Pages = [], Rule = $"检索接口（{html.Rule}）" };
        }

        var title = new Regex(profile.TitlePattern, RegexOptions.CultureInvariant);
        var reports = new List<ListLink>();
        var entries = new HashSet<Uri>();
        int? declared = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            foreach (var item in Objects(json.RootElement))
            {
                declared ??= Field(item, ["total", "totalcount", "recordcount", "totalrecord"]) is { } t && int.TryParse(t, out var n) ? n : null;
                if (Field(item, TitleKeys) is not { } text || Urls.Normalise(column, Field(item, UrlKeys)) is not { } url) continue;
                entries.Add(url);
                if (title.IsMatch(text.Replace(" ", "", StringComparison.Ordinal)) && !reports.Any(r => r.Url == url))
                {
                    reports.Add(new ListLink(url, text.Trim(), Field(item, DateKeys) is { } d ? ListPage.DateIn(d) : null));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (an error page, a bot check): nothing listed, which the crawl reports.
        }

        return new ListPageLinks(reports, [], entries, declared, $"检索接口 {apiUrl.Host}");
    }

    private static IEnumerable<JsonElement> Objects(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                yield return e;
                foreach (var p in e.EnumerateObject())
                {
                    foreach (var o in Objects(p.Value)) yield return o;
                }

                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray())
                {
                    foreach (var o in Objects(x)) yield return o;
                }

                break;
        }
    }

    /// <summary>The first of <paramref name="keys"/> (any case) the object has as a string or number.</summary>
    private static string? Field(JsonElement item, string[] keys)
    {
        foreach (var p in item.EnumerateObject())
        {
            if (!keys.Contains(p.Name, StringComparer.OrdinalIgnoreCase)) continue;
            if (p.Value.ValueKind == JsonValueKind.String) return p.Value.GetString();
            if (p.Value.ValueKind == JsonValueKind.Number) return p.Value.GetRawText();
        }

        return null;
    }
}
