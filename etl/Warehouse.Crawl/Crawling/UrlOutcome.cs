namespace Warehouse.Crawl.Crawling;

/// <summary>What a fetched URL came to; stored in <c>crawl_url.outcome</c> as <see cref="FrontierCodes"/> writes it (null for list pages and failures).</summary>
public enum UrlOutcome
{
    /// <summary><c>new</c>: a document loaded as a new report (or a new version, or history).</summary>
    New,

    /// <summary><c>unchanged</c>: the same document as before (a 304, or the same bytes).</summary>
    Unchanged,

    /// <summary><c>rejected</c>: a document that is not a report.</summary>
    Rejected,

    /// <summary><c>attachments</c>: an article page whose attachments were queued.</summary>
    Attachments,
}
