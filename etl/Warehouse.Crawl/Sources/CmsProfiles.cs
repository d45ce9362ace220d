namespace Warehouse.Crawl.Sources;

/// <summary>
/// The list-page rules of the CMS families most county portals run on. A source names one and
/// overrides what its portal does differently, so a new portal is a few lines of YAML.
/// </summary>
public static class CmsProfiles
{
    /// <summary>Titles of annual reports: 政府信息公开工作年度报告, 政府信息公开年报, and their variants.</summary>
    public const string ReportTitle = @"政府信息公开.{0,6}(年度报告|年报)";

    /// <summary>TRS WCM: items in <c>ul.list</c>, further pages only in a <c>createPageHTML(total, current, "index", "html")</c> call.</summary>
    public static ListProfile Trs { get; } = new("trs", "ul.list li a, .list li a, .xxgk_list li a", ReportTitle, "trs-script");

    /// <summary>Hanweb JCMS: items as CDATA records in a <c>&lt;script type="text/xml"&gt;</c> datastore, pages by <c>?uid=…&amp;pageNum=N</c>.</summary>
    public static ListProfile Hanweb { get; } = new("hanweb", "li a", ReportTitle, "hanweb-datastore");

    /// <summary>Anything else: every link whose title or text matches, further pages by a 下一页 link.</summary>
    public static ListProfile Generic { get; } = new("generic", "a", ReportTitle, "next-link");

    public static IReadOnlyList<ListProfile> All { get; } = [Trs, Hanweb, Generic];

    public static ListProfile? Named(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The pagination rules a profile or override may name, besides a URL template with {n}.</summary>
    public static IReadOnlyList<string> PaginationRules { get; } = ["trs-script", "hanweb-datastore", "next-link", "none"];
}
