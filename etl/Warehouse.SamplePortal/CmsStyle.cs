namespace Warehouse.SamplePortal;

/// <summary>The CMS family a sample site imitates; real county portals mostly run one of these two.</summary>
public enum CmsStyle
{
    /// <summary>TRS WCM: UTF-8 pages, <c>index_N.html</c> list pages named only in a <c>createPageHTML</c> script call.</summary>
    Trs,

    /// <summary>Hanweb (大汉) JCMS: GBK pages, records as CDATA in a <c>&lt;script type="text/xml"&gt;</c> datastore, <c>?uid=…&amp;pageNum=N</c>.</summary>
    Hanweb,

    /// <summary>
    /// TRS WCM's 信息公开 template: UTF-8, the column a folder URL listing its first items as <c>dl dd</c> with the
    /// date in the next <c>dd</c>, the rest only through a JSON search API the page names, article titles only in
    /// <c>&lt;title&gt;</c> and <c>&lt;meta name="ArticleTitle"&gt;</c>. Read with the trs profile (which falls back to the
    /// generic rule) and a <c>list.api</c>.
    /// </summary>
    TrsWcm,
}
