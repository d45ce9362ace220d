using System.Globalization;
using System.Text;

namespace Warehouse.SamplePortal.Content;

/// <summary>
/// A TRS WCM 信息公开 site in UTF-8, modelled on a real column page (平潭综合实验区's 政府信息公开年报).
/// The column is a folder URL, /zwgk/zfxxgk/zfxxgknb/; its page lists the first items statically as
/// <c>div.rules_tabs_01 dl</c>, the link in one <c>dd</c> and the date in the next, and declares the
/// column's size only to its script (<c>recordCount: 'N'</c>). Every further item comes from a JSON
/// search API whose URL the page states (<c>/api/search?channelid=C&amp;page=N</c>, pages from 2);
/// there is no second HTML page. Articles carry their title only in <c>&lt;title&gt;</c> (with the
/// column and site after '_') and in <c>&lt;meta name="ArticleTitle"&gt;</c>, their date only in
/// <c>&lt;meta name="PubDate"&gt;</c>.
/// </summary>
internal static class TrsWcmStyle
{
    /// <summary>The column's folder: its list is served for this URL itself.</summary>
    public const string Column = "/zwgk/zfxxgk/zfxxgknb/";

    /// <summary>The search API: page N of the column's items as JSON.</summary>
    public const string Api = "/api/search";

    private const string ColumnName = "政府信息公开年报";

    /// <summary>The channel id of the site's column, as its search API is asked for it.</summary>
    public static int ChannelId(int site) => 1813 + site;

    /// <summary>The search API's URL template for a site, with {page}, as a source's list.api.url writes it.</summary>
    public static string ApiTemplate(int site) => $"{Api}?channelid={ChannelId(site)}&page={{page}}";

    public static SiteContent Render(SitePlan plan, int pageSize)
    {
        var content = new SiteContent { ListPath = Column };
        content.ChosenBy(Api, "page");
        CommonResources.AddRobots(content);
        content.Add("/", Page(plan, plan.Name, $"<div class=\"main\"><a href=\"{Column}\">{ColumnName}</a></div>\n", [], ResourceKind.Fixed, plan.Trap.Posted));

        var pages = plan.Items.Chunk(pageSize).ToList();
        var newest = plan.Items.Select(i => i.Posted).Append(plan.Trap.Posted).Max();
        content.Add(Column, Page(plan, ColumnName, ListBody(plan, pages.FirstOrDefault() ?? []), [], ResourceKind.ListPage, newest));

        // Pages 2 … of the API, and one past the last that lists nothing, as a real search API answers.
        for (var p = 2; p <= pages.Count + 1; p++)
        {
            var json = Encoding.UTF8.GetBytes(ApiAnswer(plan, p <= pages.Count ? pages[p - 1] : []));
            content.Add($"{Api}?page={p}", Resource.Of(ResourceKind.ListPage, json, "application/json; charset=utf-8", newest));
        }

        foreach (var item in plan.Items) TrsStyle.AddItem(content, plan, item, Column, ArticlePath, (i, body) => ArticlePage(plan, i, body));
        if (plan.Items.Any(i => i.Kind == ItemKind.Loop)) CommonResources.AddLoop(content);
        content.Add("/private" + ArticlePath(plan.Trap), ArticlePage(plan, plan.Trap, CommonResources.TrapParagraphs(plan.Trap.Title)));
        return content;
    }

    private static string ListBody(SitePlan plan, IReadOnlyList<ColumnItem> items)
    {
        var sb = new StringBuilder("<div class=\"tabs info_tabs\">\n<div class=\"tabs_header\"><ul><li class=\"on\"><a href=\"javascript:;\">")
            .Append(ColumnName).Append("</a></li></ul></div>\n<div class=\"rules_tabs_01\">\n");
        foreach (var item in items.Append(plan.Trap))
        {
            var title = CommonResources.E(item.Title);
            sb.Append("<dl>\n<dd class=\"trt-col-sm-24\"><a href=\"").Append(CommonResources.E(Href(item, plan.Trap))).Append("\" target=\"_blank\" title=\"").Append(title).Append("\">")
                .Append(title).Append("</a></dd>\n<dd class=\"trt-col-4\">\n    ").Append(D(item.Posted, "yyyy-MM-dd")).Append("\n</dd>\n</dl>\n");
        }

        // As list2.trsapi is called: the declared count and the API, nothing a crawler can follow as a link.
        sb.Append("</div>\n</div>\n<script>\nrequire([\"list2.trsapi\"], function(listModel) {\n  listModel({\n")
            .Append("    searchUrl: \"").Append(ApiTemplate(plan.Index)).Append("\",\n")
            .Append("    pagebar: { prepage: ").Append(items.Count).Append(", recordCount: '").Append(plan.Items.Count).Append("', pgCountMode: \"recordCount\" }\n  });\n});\n</script>\n");
        return sb.ToString();
    }

    /// <summary>One page of the search API: TRS's field names, root-relative URLs, times to the second.</summary>
    private static string ApiAnswer(SitePlan plan, IReadOnlyList<ColumnItem> items)
    {
        var list = items.Select(i => new Dictionary<string, string>
        {
            ["doctitle"] = i.Title,
            ["chnldocurl"] = Href(i, plan.Trap),
            ["docreltime"] = D(i.Posted, "yyyy-MM-dd") + " 09:30:00",
        }).ToList();
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["total"] = plan.Items.Count, ["list"] = list });
    }

    // Root-relative, so that the same href serves the static list and the API; the redirects and the trap are not in the column folder.
    private static string Href(ColumnItem item, ColumnItem trap) => item.Kind switch
    {
        _ when ReferenceEquals(item, trap) => "/private" + ArticlePath(item),
        ItemKind.Loop => CommonResources.LoopPath,
        ItemKind.GoToReport or ItemKind.GoOffHost => CommonResources.GoUrl(TrsStyle.Id(item)),
        _ => ArticlePath(item),
    };

    private static Resource ArticlePage(SitePlan plan, ColumnItem item, string editorHtml)
    {
        string[] meta =
        [
            $"<meta name=\"ArticleTitle\" content=\"{CommonResources.E(item.Title)}\">",
            $"<meta name=\"PubDate\" content=\"{D(item.Posted, "yyyy-MM-dd")} 09:30\">",
            $"<meta name=\"ColumnName\" content=\"{ColumnName}\">",
        ];

        // No heading names the article: its title is only in <title> and the meta tags, as on the real portal.
        var body = $"<div class=\"article\">\n<div class=\"TRS_Editor\">\n{editorHtml}</div>\n</div>\n";
        return Page(plan, $"{item.Title}_{ColumnName}", body, meta, ResourceKind.Article, item.Posted);
    }

    private static Resource Page(SitePlan plan, string title, string body, IReadOnlyList<string> meta, ResourceKind kind, DateOnly posted)
    {
        var html = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n" +
            $"<title>{CommonResources.E(title)}_{CommonResources.E(plan.Name)}</title>\n" + string.Concat(meta.Select(m => m + "\n")) + "</head>\n<body>\n" +
            $"<div class=\"header\">{CommonResources.E(plan.Name)}</div>\n" +
            $"<div class=\"position\"><a href=\"/\">首页</a> &gt; <a href=\"{Column}\">{ColumnName}</a></div>\n" +
            body +
            $"<div class=\"footer\">主办单位：{CommonResources.E(plan.Name)}</div>\n</body>\n</html>\n";
        return Resource.Of(kind, Encoding.UTF8.GetBytes(html), Resource.Utf8Html, posted);
    }

    private static string ArticlePath(ColumnItem item) => $"{Column}{D(item.Posted, "yyyyMM")}/t{D(item.Posted, "yyyyMMdd")}_{TrsStyle.Id(item)}.htm";

    private static string D(DateOnly d, string format) => d.ToString(format, CultureInfo.InvariantCulture);
}
