using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Shouldly;

namespace Warehouse.SamplePortal.Tests;

/// <summary>One link of a list page, resolved against the page.</summary>
internal sealed record ListedLink(Uri Url, string Title, string Date, int Page);

/// <summary>Reads a whole column the way a crawler must: TRS by its createPageHTML call, Hanweb by its datastore records.</summary>
internal static partial class ColumnReader
{
    private static readonly HtmlParser Parser = new();

    public static Task<IReadOnlyList<ListedLink>> ReadAsync(HttpClient http, PortalSite site) =>
        site.Cms == CmsStyle.Trs ? ReadTrsAsync(http, site) : ReadHanwebAsync(http, site);

    private static async Task<IReadOnlyList<ListedLink>> ReadTrsAsync(HttpClient http, PortalSite site)
    {
        var links = new List<ListedLink>();
        var first = await PageAsync(http, site.ListUri, System.Text.Encoding.UTF8);
        var call = PageCall().Match(first);
        call.Success.ShouldBeTrue("the TRS list page has no createPageHTML call");
        var total = int.Parse(call.Groups[1].Value, CultureInfo.InvariantCulture);
        int.Parse(call.Groups[2].Value, CultureInfo.InvariantCulture).ShouldBe(0);
        for (var p = 0; p < total; p++)
        {
            var url = p == 0 ? site.ListUri : new Uri(site.ListUri, $"index_{p}.html");
            var html = p == 0 ? first : await PageAsync(http, url, System.Text.Encoding.UTF8);
            var again = PageCall().Match(html);
            again.Groups[1].Value.ShouldBe(total.ToString(CultureInfo.InvariantCulture));
            again.Groups[2].Value.ShouldBe(p.ToString(CultureInfo.InvariantCulture));
            foreach (var li in Parser.ParseDocument(html).QuerySelectorAll("ul.list li"))
            {
                var a = li.QuerySelector("a")!;
                links.Add(new ListedLink(new Uri(url, a.GetAttribute("href")!), a.GetAttribute("title")!, li.QuerySelector("span")!.TextContent, p));
            }
        }

        return links;
    }

    private static async Task<IReadOnlyList<ListedLink>> ReadHanwebAsync(HttpClient http, PortalSite site)
    {
        var links = new List<ListedLink>();
        var first = await PageAsync(http, site.ListUri, Http.Gbk);
        var totalPage = int.Parse(TotalPage().Match(first).Groups[1].Value, CultureInfo.InvariantCulture);
        var unit = Unit().Match(first).Groups[1].Value;
        unit.ShouldNotBeEmpty();
        for (var p = 1; p <= totalPage; p++)
        {
            var url = p == 1 ? site.ListUri : new Uri(site.ListUri, $"?uid={unit}&pageNum={p}");
            var html = p == 1 ? first : await PageAsync(http, url, Http.Gbk);
            if (p < totalPage) html.ShouldContain($"<a href=\"?uid={unit}&pageNum={p + 1}\">下一页</a>");
            else html.ShouldNotContain("下一页");
            foreach (Match record in Record().Matches(html))
            {
                var li = Parser.ParseDocument(record.Groups[1].Value).QuerySelector("li")!;
                var a = li.QuerySelector("a")!;
                links.Add(new ListedLink(new Uri(url, a.GetAttribute("href")!), a.GetAttribute("title")!, li.QuerySelector("span")!.TextContent, p));
            }
        }

        return links;
    }

    private static async Task<string> PageAsync(HttpClient http, Uri url, System.Text.Encoding encoding)
    {
        using var response = await http.GetAsync(url, Http.Ct);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, url.ToString());
        return await Http.TextAsync(response, encoding);
    }

    [GeneratedRegex(@"createPageHTML\((\d+),\s*(\d+),\s*""index"",\s*""html""\)")]
    private static partial Regex PageCall();

    [GeneratedRegex(@"var totalPage = (\d+);")]
    private static partial Regex TotalPage();

    [GeneratedRegex(@"<div id=""(\d+)""><script type=""text/xml"">")]
    private static partial Regex Unit();

    [GeneratedRegex(@"<record><!\[CDATA\[(.*?)\]\]></record>", RegexOptions.Singleline)]
    private static partial Regex Record();
}
