using System.Globalization;
using System.Text;

namespace Warehouse.SamplePortal.Content;

/// <summary>
/// A TRS WCM site in UTF-8. The column lives at /zwgk/ndbg/; list pages are index.html,
/// index_1.html, … and say so only in a createPageHTML(total, current, "index", "html") call, as
/// real TRS sites do; articles sit in month folders (202401/t20240115_100013.html) with their
/// attachments beside them (P020240115100013.docx), half the PDFs shown in the article by a pdf.js viewer's frame
/// (<see cref="PdfViewer"/>?file=…) rather than linked.
/// </summary>
internal static class TrsStyle
{
    private const string Column = "/zwgk/ndbg/";

    /// <summary>The address of the site's pdf.js viewer, which articles frame with the report as its <c>file</c>.</summary>
    public const string PdfViewer = "/pdfjs/web/viewer.html";

    public static SiteContent Render(SitePlan plan, int pageSize)
    {
        var content = new SiteContent { ListPath = Column + "index.html" };
        CommonResources.AddRobots(content);
        content.Add("/", Page(plan, plan.Name, $"<div class=\"main\"><a href=\"{content.ListPath}\">政府信息公开年报</a></div>\n", ResourceKind.Fixed, plan.Trap.Posted));

        var pages = plan.Items.Chunk(pageSize).ToList();
        if (pages.Count == 0) pages.Add([]);
        var newest = plan.Items.Select(i => i.Posted).Append(plan.Trap.Posted).Max();
        for (var p = 0; p < pages.Count; p++)
        {
            var path = Column + (p == 0 ? "index.html" : $"index_{p}.html");
            content.Add(path, Page(plan, "政府信息公开年报", ListBody(plan, pages[p], p, pages.Count), ResourceKind.ListPage, newest));
        }

        foreach (var item in plan.Items) AddItem(content, plan, item);
        if (plan.Items.Any(i => i.Kind == ItemKind.Loop)) CommonResources.AddLoop(content);
        content.Add("/private" + ArticlePath(plan.Trap), Page(plan, plan.Trap.Title, Article(plan, plan.Trap, CommonResources.TrapParagraphs(plan.Trap.Title)), ResourceKind.Fixed, plan.Trap.Posted));
        return content;
    }

    private static void AddItem(SiteContent content, SitePlan plan, ColumnItem item) =>
        AddItem(content, plan, item, Column, ArticlePath, (i, body) => Page(plan, i.Title, Article(plan, i, body), ResourceKind.Article, i.Posted));

    /// <summary>
    /// An item as TRS serves it, in either TRS template: a notice or an attachment's article page by
    /// <paramref name="page"/> (given the item and the editor's HTML), an HTML report as its own bytes,
    /// a redirect at /go. Attachments sit beside the article in the column's month folder.
    /// </summary>
    public static void AddItem(SiteContent content, SitePlan plan, ColumnItem item, string column, Func<ColumnItem, string> articlePath, Func<ColumnItem, string, Resource> page)
    {
        var article = articlePath(item);
        switch (item.Kind)
        {
            case ItemKind.Notice:
                content.Add(article, page(item, CommonResources.NoticeParagraphs(item.Title, plan.Name, item.Posted)));
                break;
            case ItemKind.Report when CommonResources.IsInline(item.Report!.Layout):
                content.Add(article, Resource.Of(ResourceKind.Article, item.Report.Bytes, Resource.Utf8Html, item.Posted));
                content.Reports.Add(new PublishedReport(item, article, article, article, article, Resource.Sha256Hex(item.Report.Bytes)));
                break;
            case ItemKind.Report:
                var ext = Corpus.Layouts.Extension(item.Report!.Layout);
                var file = $"P0{D(item.Posted, "yyyyMMdd")}{Id(item):D6}.{ext}";
                var attachment = $"{column}{D(item.Posted, "yyyyMM")}/{file}";
                // Half the PDFs are shown in the article by pdf.js, as portals show a report, with no link beside it.
                var body = ext == "pdf" && Id(item) % 2 == 0
                    ? $"<p style=\"text-indent:2em\">{CommonResources.E(item.Title)}</p>\n<iframe src=\"{PdfViewer}?file={Uri.EscapeDataString(attachment)}\" width=\"100%\" height=\"900\" frameborder=\"0\"></iframe>\n"
                    : $"<p style=\"text-indent:2em\">{CommonResources.AttachmentIntro(item.Title)}</p>\n<p>附件：<a href=\"./{file}\">{CommonResources.E(item.Title)}.{ext}</a></p>\n";
                content.Add(article, page(item, body));
                content.Add(attachment, Resource.Of(ResourceKind.Attachment, item.Report.Bytes, CommonResources.AttachmentType(item.Report.Layout), item.Posted));
                content.Reports.Add(new PublishedReport(item, article, attachment, article, attachment, Resource.Sha256Hex(item.Report.Bytes)));
                break;
            case ItemKind.GoToReport:
                CommonResources.AddGo(content, Id(item), articlePath(item.Target!), FaultKind.None);
                break;
            case ItemKind.GoOffHost:
                CommonResources.AddGo(content, Id(item), CommonResources.OffHost + article, FaultKind.OffHostRedirect);
                break;
        }
    }

    private static string ListBody(SitePlan plan, IReadOnlyList<ColumnItem> items, int page, int pages)
    {
        var sb = new StringBuilder("<div class=\"main\">\n<div class=\"column-title\">政府信息公开年报</div>\n<ul class=\"list\">\n");
        foreach (var item in items.Append(plan.Trap))
        {
            var title = CommonResources.E(item.Title);
            sb.Append("<li><a href=\"").Append(CommonResources.E(Href(item, plan.Trap))).Append("\" title=\"").Append(title).Append("\" target=\"_blank\">")
                .Append(title).Append("</a><span>").Append(D(item.Posted, "yyyy-MM-dd")).Append("</span></li>\n");
        }

        // Real TRS pages carry no page links in the HTML: the script writes them in the browser.
        sb.Append("</ul>\n<div class=\"page\"><script>createPageHTML(").Append(pages).Append(", ").Append(page).Append(", \"index\", \"html\");</script></div>\n</div>\n");
        return sb.ToString();
    }

    // Hrefs are relative to the list page, as TRS writes them; the redirects and the trap are not in the column folder.
    private static string Href(ColumnItem item, ColumnItem trap) => item.Kind switch
    {
        _ when ReferenceEquals(item, trap) => "/private" + ArticlePath(item),
        ItemKind.Loop => CommonResources.LoopPath,
        ItemKind.GoToReport or ItemKind.GoOffHost => CommonResources.GoUrl(Id(item)),
        _ => $"./{D(item.Posted, "yyyyMM")}/t{D(item.Posted, "yyyyMMdd")}_{Id(item):D6}.html",
    };

    private static string Article(SitePlan plan, ColumnItem item, string editorHtml) =>
        $"<div class=\"article\">\n<h1 class=\"title\">{CommonResources.E(item.Title)}</h1>\n" +
        $"<div class=\"info\">发布时间：{D(item.Posted, "yyyy-MM-dd")} 来源：{CommonResources.E(plan.Name)}</div>\n" +
        $"<div class=\"TRS_Editor\">\n{editorHtml}</div>\n</div>\n";

    private static Resource Page(SitePlan plan, string title, string body, ResourceKind kind, DateOnly posted)
    {
        var html = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n" +
            $"<title>{CommonResources.E(title)}_{CommonResources.E(plan.Name)}</title>\n</head>\n<body>\n" +
            $"<div class=\"header\">{CommonResources.E(plan.Name)}</div>\n" +
            $"<div class=\"position\">您当前的位置：<a href=\"/\">首页</a> &gt; <a href=\"{Column}index.html\">政府信息公开年报</a></div>\n" +
            body +
            $"<div class=\"footer\">主办单位：{CommonResources.E(plan.Name)}办公室</div>\n</body>\n</html>\n";
        return Resource.Of(kind, Encoding.UTF8.GetBytes(html), Resource.Utf8Html, posted);
    }

    private static string ArticlePath(ColumnItem item) => $"{Column}{D(item.Posted, "yyyyMM")}/t{D(item.Posted, "yyyyMMdd")}_{Id(item):D6}.html";

    /// <summary>TRS document ids grow with time; six digits, unevenly spaced.</summary>
    public static int Id(ColumnItem item) => 100_000 + (item.Seq * 7) + (int)(item.Jitter * 7);

    private static string D(DateOnly d, string format) => d.ToString(format, CultureInfo.InvariantCulture);
}
