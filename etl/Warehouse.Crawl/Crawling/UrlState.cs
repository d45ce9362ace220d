namespace Warehouse.Crawl.Crawling;

/// <summary>
/// Where a frontier URL stands in its run; stored in <c>crawl_url.state</c> as <see cref="FrontierCodes"/>
/// writes it. Done, failed and refused are final within a run, so a resumed run fetches none again.
/// </summary>
public enum UrlState
{
    /// <summary><c>pending</c>: still to fetch in this run.</summary>
    Pending,

    /// <summary><c>done</c>: fetched and handled (see its <see cref="UrlOutcome"/>).</summary>
    Done,

    /// <summary><c>failed</c>: the fetch failed after its retries.</summary>
    Failed,

    /// <summary><c>refused</c>: not fetched (robots.txt, or the fetcher's safety rules).</summary>
    Refused,
}
