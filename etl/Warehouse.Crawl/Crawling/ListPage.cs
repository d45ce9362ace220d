using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Crawling;

/// <summary>What a list page of the annual-report column holds: the reports' links and the further list pages.</summary>
public sealed record ListPageLinks(IReadOnlyList<(Uri Url, string Title)> Reports, IReadOnlyList<Uri> Pages);

/// <summary>Reads a list page by its source's CMS profile. Pure: HTML and its address in, links out.</summary>
public static partial class ListPage
{
    private static readonly HtmlParser Parser = new();

    public static ListPageLinks Read(string html, Uri pageUrl, ListProfile profile)
    {
        var title = new Regex(profile.TitlePattern, RegexOptions.CultureInvariant);
        var reports = new List<(Uri, string)>();
        foreach (var fragment in Fragments(html, profile))
        {
            var document = Parser.ParseDocument(fragment);
            foreach (var a in document.QuerySelectorAll(profile.LinkSelector))
            {
                var text = (a.GetAttribute("title") is { Length: > 0 } t ? t : a.TextContent).Trim();
                if (!title.IsMatch(Squeeze(text))) continue;
                if (Urls.Normalise(pageUrl, a.GetAttribute("href")) is { } url && !reports.Any(r => r.Item1 == url)) reports.Add((url, text));
            }
        }

        return new ListPageLinks(reports, Pages(html, pageUrl, profile));
    }

    /// <summary>The HTML that holds the list items: the page, or for Hanweb the CDATA records of its datastore.</summary>
    private static IEnumerable<string> Fragments(string html, ListProfile profile)
    {
        if (profile.Pagination != "hanweb-datastore")
        {
            yield return html;
            yield break;
        }

        var records = HanwebRecord().Matches(html);
        if (records.Count == 0)
        {
            yield return html;
            yield break;
        }

        yield return string.Concat(records.Select(m => m.Groups[1].Value));
    }

    private static IReadOnlyList<Uri> Pages(string html, Uri pageUrl, ListProfile profile)
    {
        var pages = new List<Uri>();
        void Add(string href)
        {
            if (Urls.Normalise(pageUrl, href) is { } u && u != pageUrl && !pages.Contains(u)) pages.Add(u);
        }

        switch (profile.Pagination)
        {
            case "none":
                break;
            case "trs-script":
                // createPageHTML(total, current, "index", "html"): pages index.html, index_1.html … index_{total-1}.html.
                if (TrsPager().Match(html) is { Success: true } trs)
                {
                    var total = int.Parse(trs.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    var stem = trs.Groups[3].Value;
                    var ext = trs.Groups[4].Value;
                    for (var n = 0; n < Math.Min(total, 1000); n++) Add(n == 0 ? $"{stem}.{ext}" : $"{stem}_{n}.{ext}");
                }

                break;
            case "hanweb-datastore":
                // var totalPage = P; pages are ?uid=UNIT&pageNum=N on the column's index.
                var unit = HanwebUnit().Match(html);
                if (HanwebTotalPages().Match(html) is { Success: true } hw && unit.Success)
                {
                    var total = int.Parse(hw.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    var index = new UriBuilder(pageUrl) { Query = "" }.Uri;
                    for (var n = 1; n <= Math.Min(total, 1000); n++) Add($"{index.AbsolutePath}?uid={unit.Groups[1].Value}&pageNum={n}");
                }

                break;
            case "next-link":
                var document = Parser.ParseDocument(html);
                foreach (var a in document.QuerySelectorAll("a"))
                {
                    var text = Squeeze(a.TextContent);
                    if (text is "下一页" or "下页" or "后一页" or ">" or "›" or "»") Add(a.GetAttribute("href") ?? "");
                }

                break;
            default:
                // A template with {n}: the pages the page itself links to that fit it.
                var pattern = new Regex("^" + Regex.Escape(profile.Pagination).Replace(@"\{n}", @"(\d+)", StringComparison.Ordinal) + "$");
                foreach (var a in Parser.ParseDocument(html).QuerySelectorAll("a[href]"))
                {
                    var href = a.GetAttribute("href")!;
                    var file = href.Split('?')[0].Split('/')[^1];
                    if (pattern.IsMatch(file) || pattern.IsMatch(href)) Add(href);
                }

                if (TrsPager().Match(html) is { Success: true } counted)
                {
                    var total = int.Parse(counted.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    for (var n = 1; n < Math.Min(total, 1000); n++) Add(profile.Pagination.Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
                }

                break;
        }

        return pages;
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[""']([^""']+)[""']\s*,\s*[""']([^""']+)[""']")]
    private static partial Regex TrsPager();

    [GeneratedRegex(@"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", RegexOptions.Singleline)]
    private static partial Regex HanwebRecord();

    [GeneratedRegex(@"totalPage\s*=\s*(\d+)")]
    private static partial Regex HanwebTotalPages();

    [GeneratedRegex(@"<div\s+id=[""']?(\d+)[""']?[^>]*>\s*<script\s+type=[""']text/xml[""']")]
    private static partial Regex HanwebUnit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
