namespace Warehouse.Crawl.Crawling;

/// <summary>What a frontier URL is to the crawler; stored in <c>crawl_url.kind</c> as <see cref="FrontierCodes"/> writes it.</summary>
public enum UrlKind
{
    /// <summary><c>list</c>: a list page of the annual-report column; it finds articles and further list pages.</summary>
    List,

    /// <summary><c>article</c>: a report's page, or a link straight to its file.</summary>
    Article,

    /// <summary><c>document</c>: a file attached to an article.</summary>
    Document,
}
