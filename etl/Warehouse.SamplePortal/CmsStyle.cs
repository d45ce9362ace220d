namespace Warehouse.SamplePortal;

/// <summary>The CMS family a sample site imitates; real county portals mostly run one of these two.</summary>
public enum CmsStyle
{
    /// <summary>TRS WCM: UTF-8 pages, <c>index_N.html</c> list pages named only in a <c>createPageHTML</c> script call.</summary>
    Trs,

    /// <summary>Hanweb (大汉) JCMS: GBK pages, records as CDATA in a <c>&lt;script type="text/xml"&gt;</c> datastore, <c>?uid=…&amp;pageNum=N</c>.</summary>
    Hanweb,
}
