using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Warehouse.Crawl.Sources;

namespace Warehouse.Crawl.Crawling;

/// <summary>A report's link on a list page.</summary>
/// <param name="Title">The link's title attribute, or its text.</param>
/// <param name="ListDate">The date the list printed beside it (in the next <c>dd</c>, the item's <c>span</c>, the row's cell); null when none.</param>
public sealed record ListLink(Uri Url, string Title, DateOnly? ListDate);

/// <summary>What a list page of the annual-report column holds: the reports' links and the further list pages.</summary>
/// <param name="Reports">The links whose title is a report's, in page order.</param>
/// <param name="Pages">Further list pages the page names.</param>
/// <param name="Entries">Every item the list shows (reports or not), by URL: what a declared count is compared with.</param>
/// <param name="Declared">How many documents the page says the column holds (TRS <c>recordCount</c>, Hanweb <c>totalRecord</c>, 共N条); null when it says nothing.</param>
/// <param name="Rule">Which rule found the reports, Chinese: "trs 规则", "通用规则", or "通用规则（trs 规则未找到链接）" when the profile's found none.</param>
public sealed record ListPageLinks(IReadOnlyList<ListLink> Reports, IReadOnlyList<Uri> Pages, IReadOnlySet<Uri> Entries, int? Declared, string Rule);

/// <summary>Reads a list page by its source's CMS profile. Pure: HTML and its address in, links out.</summary>
public static partial class ListPage
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// The report links, further pages, items and declared count of a list page. When the
    /// profile's selector finds no report link, the generic rule is tried (any link whose title or
    /// text is a report's, inside the column's folder): profiles are hints, portals vary.
    /// </summary>
    /// <param name="pageUrl">The page's address: relative links resolve against it.</param>
    /// <param name="column">The column's address, whose folder bounds the generic fallback; the page's own when null.</param>
    public static ListPageLinks Read(string html, Uri pageUrl, ListProfile profile, Uri? column = null)
    {
        var title = new Regex(profile.TitlePattern, RegexOptions.CultureInvariant);
        var documents = Fragments(html, profile).Select(f => Parser.ParseDocument(f)).ToList();
        var entries = new HashSet<Uri>();
        var generic = profile.Name == CmsProfiles.Generic.Name;
        var reports = Links(documents, pageUrl, profile.LinkSelector, title, generic, entries, _ => true);
        var rule = generic ? "通用规则" : $"{profile.Name} 规则";
        if (reports.Count == 0 && !generic)
        {
            var folder = Folder(column ?? pageUrl);
            reports = Links(documents, pageUrl, CmsProfiles.Generic.LinkSelector, title, true, entries,
                u => u.AbsoluteUri.StartsWith(folder, StringComparison.Ordinal) && u.AbsoluteUri != folder && u != pageUrl);
            if (reports.Count > 0) rule = $"通用规则（{profile.Name} 规则未找到链接）";
        }

        return new ListPageLinks(reports, Pages(html, pageUrl, profile), entries, Declared(html), rule);
    }

    /// <summary>How many documents a page says its column holds: the largest of TRS recordCount, Hanweb totalRecord and 共N条; null when none.</summary>
    public static int? Declared(string text) =>
        DeclaredCount().Matches(text).Select(m => int.TryParse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).Max();

    /// <summary>A date written as 2025-03-10, 2025/3/10, 2025.03.10 or 2025年3月10日 in <paramref name="text"/>; null when none.</summary>
    public static DateOnly? DateIn(string text) =>
        ListDatePattern().Match(text) is { Success: true } m
        && DateOnly.TryParseExact($"{m.Groups[1].Value}-{m.Groups[2].Value.PadLeft(2, '0')}-{m.Groups[3].Value.PadLeft(2, '0')}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>
    /// The links <paramref name="selector"/> finds whose URL <paramref name="inside"/> accepts and whose title
    /// matches (with a year in it when <paramref name="needYear"/>); every dated or matching item goes into <paramref name="entries"/>.
    /// </summary>
    private static List<ListLink> Links(List<AngleSharp.Html.Dom.IHtmlDocument> documents, Uri pageUrl, string selector, Regex title, bool needYear, HashSet<Uri> entries, Func<Uri, bool> inside)
    {
        var reports = new List<ListLink>();
        foreach (var a in documents.SelectMany(d => d.QuerySelectorAll(selector)))
        {
            if (Urls.Normalise(pageUrl, a.GetAttribute("href")) is not { } url || !inside(url)) continue;
            var text = (a.GetAttribute("title") is { Length: > 0 } t ? t : a.TextContent).Trim();
            var date = ListDate(a);

            // Any link on a page is a lot of links: the generic rule wants a year in the title too, which
            // a report's has (2024年度) and a menu's link to the column (政府信息公开年报) has not.
            var isReport = title.IsMatch(Squeeze(text)) && (!needYear || Year().IsMatch(text));
            if (date is not null || isReport) entries.Add(url);
            if (isReport && !reports.Any(r => r.Url == url)) reports.Add(new ListLink(url, text, date));
        }

        return reports;
    }

    /// <summary>
    /// The date beside a link, as lists print it: the next <c>dd</c> of a <c>dl</c> (TRS 信息公开 lists),
    /// the rest of its <c>li</c> or table row (a <c>span</c>, a date cell), or an element right after it.
    /// </summary>
    private static DateOnly? ListDate(IElement a)
    {
        if (a.Closest("dd") is { } dd)
        {
            for (var next = dd.NextElementSibling; next is not null && next.QuerySelector("a") is null; next = next.NextElementSibling)
            {
                if (DateIn(next.TextContent) is { } d) return d;
            }
        }

        if (a.Closest("li, tr") is { } item && item.QuerySelectorAll("a").Length == 1)
        {
            return DateIn(item.TextContent.Replace(a.TextContent, "", StringComparison.Ordinal));
        }

        for (var next = a.NextElementSibling; next is not null && next.LocalName != "a"; next = next.NextElementSibling)
        {
            if (DateIn(next.TextContent) is { } d) return d;
        }

        return null;
    }

    /// <summary>The folder of a URL, with its trailing slash: http://h/zwgk/nb/index.htm gives http://h/zwgk/nb/.</summary>
    private static string Folder(Uri url)
    {
        var path = url.GetLeftPart(UriPartial.Path);
        return path[..(path.LastIndexOf('/') + 1)];
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
                    var total = int.Parse(trs.Groups[1].Value, CultureInfo.InvariantCulture);
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
                    var total = int.Parse(hw.Groups[1].Value, CultureInfo.InvariantCulture);
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
                    var total = int.Parse(counted.Groups[1].Value, CultureInfo.InvariantCulture);
                    for (var n = 1; n < Math.Min(total, 1000); n++) Add(profile.Pagination.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
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

    [GeneratedRegex(@"(19|20)\d{2}")]
    private static partial Regex Year();

    // recordCount: '20' (TRS list2.trsapi), var totalRecord = 21 (Hanweb), 共 20 条 (any pager).
    [GeneratedRegex(@"(?:recordCount|totalRecord)[""']?\s*[:=]\s*[""']?(\d{1,6})|共\s*(\d{1,6})\s*条")]
    private static partial Regex DeclaredCount();

    [GeneratedRegex(@"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")]
    private static partial Regex ListDatePattern();
}
