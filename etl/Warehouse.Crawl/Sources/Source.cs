namespace Warehouse.Crawl.Sources;

/// <summary>How a portal's annual-report column is read: one of the CMS families, with optional overrides.</summary>
/// <param name="Name">trs, hanweb or generic.</param>
/// <param name="LinkSelector">CSS selector of the links on a list page (for hanweb: inside the datastore records).</param>
/// <param name="TitlePattern">Regular expression a link's title must match to be the year's report.</param>
/// <param name="Pagination">How further list pages are found: a URL template with <c>{n}</c>, or the family's own rule.</param>
public sealed record ListProfile(string Name, string LinkSelector, string TitlePattern, string Pagination);

/// <summary>One government portal to crawl, as declared in its YAML file.</summary>
/// <param name="Name">The source's key: letters, digits, '-' and '_' (the file name by default).</param>
/// <param name="Title">What users call it, e.g. 赣县区人民政府.</param>
/// <param name="RegionCode">GB/T 2260 code of the portal's region: the parser's region hint.</param>
/// <param name="StartUrls">The first list pages of its annual-report column.</param>
/// <param name="AllowedHosts">host or host:port the crawler may fetch from (attachments included).</param>
/// <param name="MinDelay">The least time between two requests to one host.</param>
/// <param name="Schedule">A five-field cron expression (Asia/Shanghai), or null for on demand only.</param>
/// <param name="LocalTest">A test source: loopback and private addresses are allowed.</param>
/// <param name="File">The YAML file it came from.</param>
/// <param name="Api">Where further list pages come from when only a search API serves them; null when the pages say it all.</param>
/// <param name="PinnedCertificate">The start host's certificate trusted by its fingerprint (<c>tls.pin_sha256</c>); null for none.</param>
public sealed record Source(
    string Name,
    string Title,
    string RegionCode,
    IReadOnlyList<Uri> StartUrls,
    ListProfile Profile,
    IReadOnlyList<string> AllowedHosts,
    TimeSpan MinDelay,
    string? Schedule,
    bool LocalTest,
    string File,
    ListApi? Api = null,
    CertificatePin? PinnedCertificate = null);
