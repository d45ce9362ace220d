using System.Globalization;
using System.Text;

namespace Warehouse.SamplePortal.Content;

/// <summary>
/// A Hanweb (大汉) JCMS site in GBK. The column is /col/col{COLID}/index.html; its records sit as
/// CDATA in a &lt;script type="text/xml"&gt; datastore that the browser's script would render, with
/// totalRecord and totalPage in a script and page links ?uid={UNIT}&amp;pageNum=N. Articles are
/// /art/Y/M/D/art_{COLID}_{ID}.html; attachments come from /module/download/downfile.jsp with the
/// real name only in Content-Disposition.
/// </summary>
internal static class HanwebStyle
{
    private const string Download = "/module/download/downfile.jsp";

    public static int ColumnId(int site) => 1_597_040 + (site * 3);

    public static int UnitId(int site) => 5_765_587 + (site * 3);

    public static SiteContent Render(SitePlan plan, int pageSize)
    {
        var col = ColumnId(plan.Index);
        var content = new SiteContent { ListPath = $"/col/col{col}/index.html" };
        content.ChosenBy(content.ListPath, "pageNum", omitted: "1");
        content.ChosenBy(Download, "filename");
        CommonResources.AddRobots(content);
        content.Add("/", Page(plan, plan.Name, $"<div class=\"main\"><a href=\"{content.ListPath}\">政府信息公开年报</a></div>\n", ResourceKind.Fixed, plan.Trap.Posted));

        var pages = plan.Items.Chunk(pageSize).ToList();
        if (pages.Count == 0) pages.Add([]);
        var newest = plan.Items.Select(i => i.Posted).Append(plan.Trap.Posted).Max();
        for (var p = 1; p <= pages.Count; p++)
        {
            var key = p == 1 ? content.ListPath : $"{content.ListPath}?pageNum={p}";
            content.Add(key, Page(plan, "政府信息公开年报", ListBody(plan, pages[p - 1], p, pages.Count), ResourceKind.ListPage, newest));
        }

        foreach (var item in plan.Items) AddItem(content, plan, item);
        if (plan.Items.Any(i => i.Kind == ItemKind.Loop)) CommonResources.AddLoop(content);
        content.Add("/private" + ArticlePath(plan, plan.Trap), Page(plan, plan.Trap.Title, Article(plan, plan.Trap, CommonResources.TrapParagraphs(plan.Trap.Title)), ResourceKind.Fixed, plan.Trap.Posted));
        return content;
    }

    private static void AddItem(SiteContent content, SitePlan plan, ColumnItem item)
    {
        var article = ArticlePath(plan, item);
        switch (item.Kind)
        {
            case ItemKind.Notice:
                content.Add(article, Page(plan, item.Title, Article(plan, item, CommonResources.NoticeParagraphs(item.Title, plan.Name, item.Posted)), ResourceKind.Article, item.Posted));
                break;
            case ItemKind.Report when CommonResources.IsInline(item.Report!.Layout):
                content.Add(article, Resource.Of(ResourceKind.Article, item.Report.Bytes, Resource.GbkHtml, item.Posted));
                content.Reports.Add(new PublishedReport(item, article, article, article, article, Resource.Sha256Hex(item.Report.Bytes)));
                break;
            case ItemKind.Report:
                var ext = Corpus.Layouts.Extension(item.Report!.Layout);
                var file = $"{StableDraw.Hex($"{plan.Seed}/{plan.Index}/file/{item.Seq}", 32)}.{ext}";
                var url = $"{Download}?classid=0&filename={file}";
                var name = $"{item.Title}.{ext}";
                // The href keeps its bare '&', as Hanweb writes it.
                var body = $"<p>{CommonResources.AttachmentIntro(item.Title)}</p>\n<p>附件：<a href=\"{url}\">{CommonResources.E(name)}</a></p>\n";
                content.Add(article, Page(plan, item.Title, Article(plan, item, body), ResourceKind.Article, item.Posted));
                var key = $"{Download}?filename={file}";
                // The CMS keeps files under hashed names; only this header knows the title.
                content.Add(key, Resource.Of(ResourceKind.Attachment, item.Report.Bytes, CommonResources.AttachmentType(item.Report.Layout), item.Posted,
                    $"attachment; filename*=UTF-8''{Uri.EscapeDataString(name)}"));
                content.Reports.Add(new PublishedReport(item, article, url, article, key, Resource.Sha256Hex(item.Report.Bytes)));
                break;
            case ItemKind.GoToReport:
                CommonResources.AddGo(content, Id(item), ArticlePath(plan, item.Target!), FaultKind.None);
                break;
            case ItemKind.GoOffHost:
                CommonResources.AddGo(content, Id(item), CommonResources.OffHost + article, FaultKind.OffHostRedirect);
                break;
        }
    }

    private static string ListBody(SitePlan plan, IReadOnlyList<ColumnItem> items, int page, int pages)
    {
        var col = ColumnId(plan.Index);
        var unit = UnitId(plan.Index);
        var sb = new StringBuilder("<div class=\"main\">\n<div class=\"column-title\">政府信息公开年报</div>\n");
        sb.Append("<div id=\"").Append(unit).Append("\"><script type=\"text/xml\"><datastore>\n<nextgroup><![CDATA[");
        if (page < pages) sb.Append("<a href=\"/col/col").Append(col).Append("/index.html?uid=").Append(unit).Append("&pageNum=").Append(page + 1).Append("\"></a>");
        sb.Append("]]></nextgroup>\n<recordset>\n");
        foreach (var item in items.Append(plan.Trap))
        {
            var title = CommonResources.E(item.Title);
            sb.Append("<record><![CDATA[\n<li><a href=\"").Append(CommonResources.E(Href(plan, item))).Append("\" title=\"").Append(title).Append("\" target=\"_blank\">")
                .Append(title).Append("</a><span>").Append(D(item.Posted, "yyyy-MM-dd")).Append("</span></li>\n]]></record>\n");
        }

        sb.Append("</recordset>\n</datastore></script></div>\n");
        sb.Append("<script>var totalRecord = ").Append(plan.Items.Count).Append("; var totalPage = ").Append(pages).Append(";</script>\n");

        // Hanweb writes bare '&' in these hrefs; HTML parsers accept it, so does this page.
        string Link(int n, string text) => $"<a href=\"?uid={unit}&pageNum={n}\">{text}</a>";
        sb.Append("<div class=\"pages\">共").Append(plan.Items.Count).Append("条记录 第").Append(page).Append('/').Append(pages).Append("页 ");
        if (page > 1) sb.Append(Link(1, "首页")).Append(' ').Append(Link(page - 1, "上一页")).Append(' ');
        if (page < pages) sb.Append(Link(page + 1, "下一页")).Append(' ').Append(Link(pages, "尾页"));
        sb.Append("</div>\n</div>\n");
        return sb.ToString();
    }

    private static string Href(SitePlan plan, ColumnItem item) => item.Kind switch
    {
        _ when ReferenceEquals(item, plan.Trap) => "/private" + ArticlePath(plan, item),
        ItemKind.Loop => CommonResources.LoopPath,
        ItemKind.GoToReport or ItemKind.GoOffHost => CommonResources.GoUrl(Id(item)),
        _ => ArticlePath(plan, item),
    };

    private static string Article(SitePlan plan, ColumnItem item, string zoomHtml) =>
        $"<div class=\"article\">\n<div class=\"title\">{CommonResources.E(item.Title)}</div>\n" +
        $"<div class=\"info\">发布日期：{D(item.Posted, "yyyy-MM-dd")} 信息来源：{CommonResources.E(plan.Name)}</div>\n" +
        $"<div id=\"zoom\">\n{zoomHtml}</div>\n</div>\n";

    private static Resource Page(SitePlan plan, string title, string body, ResourceKind kind, DateOnly posted)
    {
        var html = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"gbk\">\n" +
            $"<title>{CommonResources.E(title)}</title>\n</head>\n<body>\n<div id=\"barrierfree_container\">\n" +
            $"<div class=\"header\">{CommonResources.E(plan.Name)}</div>\n" +
            $"<div class=\"bt-position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/col/col{ColumnId(plan.Index)}/index.html\">政府信息公开年报</a></div>\n" +
            body +
            $"<div class=\"footer\">主办：{CommonResources.E(plan.Name)}办公室</div>\n</div>\n</body>\n</html>\n";
        return Resource.Of(kind, CommonResources.Gbk.GetBytes(html), Resource.GbkHtml, posted);
    }

    private static string ArticlePath(SitePlan plan, ColumnItem item) =>
        $"/art/{item.Posted.Year}/{item.Posted.Month}/{item.Posted.Day}/art_{ColumnId(plan.Index)}_{Id(item)}.html";

    // Hanweb article ids are seven digits and grow with time.
    private static int Id(ColumnItem item) => 2_900_000 + (item.Seq * 11) + (int)(item.Jitter * 11);

    private static string D(DateOnly d, string format) => d.ToString(format, CultureInfo.InvariantCulture);
}
