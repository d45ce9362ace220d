using Warehouse.Crawl.Fetching;
using Warehouse.Crawl.Sources;
using Warehouse.Load;
using Warehouse.Parsing;
using Warehouse.Parsing.Text;

namespace Warehouse.Crawl.Crawling;

/// <summary>Where a source's crawl stands, for a live display.</summary>
public sealed record CrawlProgress(string Source, string Host, int Fetched, int Known, string? Last);

/// <summary>
/// What one crawl of a source did: documents new and unchanged, and what failed, with why.
/// <paramref name="Failure"/> says, Chinese first, why the crawl as a whole failed (its start page
/// did not answer, or it got no document from the source); null when it did not.
/// </summary>
public sealed record CrawlSummary(
    string Source,
    long RunKey,
    bool Resumed,
    int ListPages,
    int Articles,
    int NewDocuments,
    int UnchangedDocuments,
    int Rejected,
    IReadOnlyList<CrawlProblem> Problems,
    string? Failure = null)
{
    /// <summary>
    /// What a user must look at even when documents came in, one Chinese-first line each: a list page
    /// without a report link, a column that declares more items than the crawl reached, URLs a wall kept
    /// out (bot protection, a certificate), and the <see cref="Failure"/> when there is one. Any of them
    /// makes <c>crawl</c> exit 1 and a scheduled crawl a failed job. Empty for a crawl that needs no second look.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// What every summary of this source repeats though nothing went wrong this time, one Chinese-first
    /// line each: a certificate trusted by its pinned fingerprint (so that nobody forgets the pin when the
    /// portal renews its certificate). Printed with the warnings; neither an exit code nor a failed job.
    /// </summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>The rules that found the report links, Chinese: "trs 规则", or "通用规则（trs 规则未找到链接）" when the profile's found none.</summary>
    public IReadOnlyList<string> ListRules { get; init; } = [];
}

/// <summary>
/// Crawls a source: list pages find articles, articles find attachments, documents go to the
/// raw store and the loader. Every step is recorded in the frontier, so a crawl killed at any
/// moment resumes where it stopped; politeness and retries are the fetcher's.
/// </summary>
public sealed class Crawler(CrawlStore store, Fetcher fetcher, DocumentReader reader, string userAgent)
{
    private readonly DocumentIntake _intake = new(reader);

    /// <summary>Fetches in flight per source: they queue at the host's gate, but attachments on another host need not wait.</summary>
    private const int InFlight = 4;

    public async Task<CrawlSummary> CrawlAsync(Source source, IProgress<CrawlProgress>? progress, CancellationToken ct)
    {
        var policy = FetchPolicy.ForSource(source, userAgent);
        var (sourceKey, batchKey) = await store.BeginAsync(source.Name, source.Title, ct);
        var (run, resumed) = await store.OpenRunAsync(source.Name, ct);
        await store.DiscoverAsync(source.Name, run, source.StartUrls.Select(u => (u, UrlKind.List, (string?)null, (DateOnly?)null)), null, ct);

        var host = source.StartUrls.Count > 0 ? SourceReader.HostKey(source.StartUrls[0]) : source.Name;
        var context = new Visit(source, policy, run, sourceKey, batchKey, new ColumnTally());
        while (true)
        {
            var batch = await store.NextAsync(source.Name, run, InFlight * 4, ct);
            if (batch.Count == 0) break;
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = ct },
                async (url, token) => await VisitAsync(context, url, token));

            if (progress is not null)
            {
                var (handled, known) = await store.ProgressAsync(source.Name, run, ct);
                progress.Report(new CrawlProgress(source.Name, host, handled, known, batch[^1].Url));
            }
        }

        var (outcomes, problems) = await store.RunSummaryAsync(source.Name, run, ct);
        int Count(Func<CrawlOutcomeCount, bool> which) => (int)outcomes.Where(which).Sum(o => o.Urls);
        var summary = new CrawlSummary(
            source.Name, run, resumed,
            Count(o => o.Kind == UrlKind.List && o.State == UrlState.Done),
            Count(o => o.Kind == UrlKind.Article && o.State == UrlState.Done),
            Count(o => o.Outcome == UrlOutcome.New),
            Count(o => o.Outcome == UrlOutcome.Unchanged),
            Count(o => o.Outcome == UrlOutcome.Rejected),
            problems);
        var failure = FailureOf(source, summary);
        var warnings = context.Tally.Warnings(source.Api is not null, resumed).Concat(WallWarnings(problems)).ToList();
        summary = summary with
        {
            Failure = failure,
            Warnings = [.. warnings, .. failure is null ? Array.Empty<string>() : [failure]],
            Notices = [.. PinWarnings(source)],
            ListRules = context.Tally.Rules(),
        };

        // The failure has its own column; the run keeps the other warnings, which /health reads.
        await store.FinishRunAsync(run, summary.Failure, warnings, ct);
        await store.RefreshDerivedAsync(summary.NewDocuments > 0, ct);
        return summary;
    }

    /// <summary>
    /// Why a crawl failed as a whole, Chinese first: a start page that did not answer (the column
    /// moved, the portal is down), or no document at all from the source (a list the profile no
    /// longer reads). Null when neither: documents found unchanged are a crawl that worked.
    /// </summary>
    private static string? FailureOf(Source source, CrawlSummary s)
    {
        var starts = source.StartUrls.Select(u => u.AbsoluteUri).ToHashSet(StringComparer.Ordinal);
        var failedStarts = s.Problems.Where(p => starts.Contains(p.Url)).ToList();
        if (failedStarts.Count > 0)
        {
            var which = string.Join("；", failedStarts.Select(p => $"{p.Url}（{p.LastReason ?? p.State.Code()}）"));
            return $"起始页抓取失败：{which} / the start page failed";
        }

        return s.NewDocuments + s.UnchangedDocuments + s.Rejected == 0
            ? $"未从该来源抓取到任何文件（列表页 {s.ListPages} 个，文章 {s.Articles} 篇，失败或被拒 {s.Problems.Count} 个）/ nothing was fetched from the source"
            : null;
    }

    /// <summary>A pinned certificate is trusted without its chain: every crawl says so, so that nobody forgets to renew the pin.</summary>
    private static IEnumerable<string> PinWarnings(Source source)
    {
        if (source.PinnedCertificate is not { } pin) yield break;
        yield return $"已按指纹信任 {pin.Host} 的证书（SHA-256 {pin.Display}），未验证其证书链；门户更换证书后须更新来源文件的 tls.pin_sha256 / " +
            $"the certificate of {pin.Host} is trusted by its pinned fingerprint, its chain unverified";
    }

    /// <summary>
    /// URLs a wall kept out (bot protection, a certificate): not broken pages but something to act on, each kind
    /// counted in one line. They are failed in the frontier, so the next run asks for them again.
    /// </summary>
    private static IEnumerable<string> WallWarnings(IReadOnlyList<CrawlProblem> problems)
    {
        int Count(string reason) => problems.Count(p => p.LastReason?.StartsWith(reason, StringComparison.Ordinal) == true);
        if (Count(ChallengePage.Reason) is > 0 and var challenged)
        {
            yield return $"{challenged} 个网址被网站的反爬虫防护拦截，下次抓取时再试 / {challenged} URL(s) blocked by the site's bot protection, asked for again on the next run";
        }

        if (Count(CertificateCheck.Reason) is > 0 and var untrusted)
        {
            yield return $"{untrusted} 个网址因证书错误未能抓取（原因见各网址）/ {untrusted} URL(s) not fetched for a certificate error (see each URL's reason)";
        }
    }

    private sealed record Visit(Source Source, FetchPolicy Policy, long Run, long SourceKey, long BatchKey, ColumnTally Tally);

    private async Task VisitAsync(Visit visit, FrontierUrl url, CancellationToken ct)
    {
        // A list page is re-read from the raw store on a 304, so it may be fetched conditionally too.
        var validators = url.Kind == UrlKind.List && url.Sha256 is null ? null : url.Validators;
        var result = await fetcher.FetchAsync(url.Uri, visit.Policy, validators, ct);
        switch (result.Status)
        {
            case FetchStatus.Disallowed or FetchStatus.Refused:
                await store.CompleteAsync(url, result, UrlState.Refused, null, null, null, ct);
                return;
            case FetchStatus.Failed:
                await store.CompleteAsync(url, result, UrlState.Failed, null, null, null, ct);
                return;
            case FetchStatus.NotModified when url.Kind == UrlKind.List && url.Sha256 is { } sha && await store.RawAsync(sha, ct) is { } kept:
                await ReadListAsync(visit, url, result, kept, Html.Decode(result with { Status = FetchStatus.Ok, Bytes = kept }), keep: false, ct);
                return;
            case FetchStatus.NotModified when url.Kind == UrlKind.Article && url.Sha256 is { } sha && await store.RawAsync(sha, ct) is { } kept
                && AttachmentsOf(result with { Status = FetchStatus.Ok, Bytes = kept }) is { Count: > 0 } again:
                // An unchanged article's attachments are queued again, so that one that failed last run
                // (bot protection, a server error) is asked for again; those that did not cost a 304.
                await store.DiscoverAsync(visit.Source.Name, visit.Run, again.Select(a => (a.Url, UrlKind.Document, (string?)a.Title, (DateOnly?)null)), url.Uri, ct);
                await store.CompleteAsync(url, result, UrlState.Done, UrlOutcome.Attachments, null, null, ct);
                return;
            case FetchStatus.NotModified:
                await store.CompleteAsync(url, result, UrlState.Done, url.Kind == UrlKind.List ? null : UrlOutcome.Unchanged, null, null, ct);
                return;
        }

        var bytes = result.Bytes;
        if (url.Kind == UrlKind.List)
        {
            await ReadListAsync(visit, url, result, bytes, Html.Decode(result), keep: true, ct);
            return;
        }

        // Sniffed here once: the kind tells a page from a document, and the intake takes it as it is.
        var kind = DocumentSniffer.Sniff(bytes);

        // An article whose link led straight to a file (or a portal that mislabels its files) is a document.
        var isPage = kind is DocumentKind.Html or DocumentKind.Text;
        if (url.Kind == UrlKind.Article && isPage)
        {
            var html = Html.Decode(result);
            var attachments = ArticlePage.Attachments(html, result.FinalUrl);
            // Found on the article as the frontier knows it (before redirects): the attachment finds its article's row again by it.
            if (attachments.Count > 0)
            {
                await store.DiscoverAsync(visit.Source.Name, visit.Run, attachments.Select(a => (a.Url, UrlKind.Document, (string?)a.Title, (DateOnly?)null)), url.Uri, ct);
            }

            // A page whose attachments are only spreadsheets may be the report itself: it is read too.
            if (!attachments.All(ArticlePage.IsSpreadsheet))
            {
                await store.CompleteAsync(url, result, UrlState.Done, UrlOutcome.Attachments, null, bytes, ct);
                return;
            }

            await LoadAsync(visit, url, result, kind, result.FinalUrl.AbsoluteUri, ArticleMeta.Read(html, url.Title, url.ListDate), ct);
            return;
        }

        // An attachment takes what its article page says; a document linked straight from a list, its link's.
        var (page, meta) = url.Kind == UrlKind.Document && url.FoundOn is { } foundOn
            ? (foundOn, await ArticleOfAsync(visit, foundOn, ct))
            : (null, new ArticleMeta(url.Title, url.ListDate));
        await LoadAsync(visit, url, result, kind, page, meta, ct);
    }

    /// <summary>
    /// What the article page an attachment was found on says (its title and publication date), read
    /// again from the raw store, where the article's page was kept when its attachments were found;
    /// only its link's title when the page is not there.
    /// </summary>
    private async Task<ArticleMeta> ArticleOfAsync(Visit visit, string pageUrl, CancellationToken ct)
    {
        if (await store.ArticleAsync(visit.Source.Name, pageUrl, ct) is not { } article) return new ArticleMeta(null, null);

        // The article's list date goes last here too (crawl_url.list_date).
        if (article.Page is not { } page) return new ArticleMeta(article.Title, article.ListDate);
        return ArticleMeta.Read(TextDecoding.Decode(page, null, lookForMeta: true), article.Title, article.ListDate);
    }

    /// <summary>The attachments a page links to; none when the bytes are a document rather than a page.</summary>
    private static IReadOnlyList<(Uri Url, string Title)> AttachmentsOf(FetchResult page) =>
        DocumentSniffer.Sniff(page.Bytes) is DocumentKind.Html or DocumentKind.Text ? ArticlePage.Attachments(Html.Decode(page), page.FinalUrl) : [];

    private async Task ReadListAsync(Visit visit, FrontierUrl url, FetchResult result, byte[] bytes, string html, bool keep, CancellationToken ct)
    {
        var source = visit.Source;
        var api = source.Api;
        var apiPage = api?.PageOf(url.Uri);
        var links = api is not null && apiPage is not null
            ? ApiPage.Read(html, result.FinalUrl, source.StartUrls[0], api, source.Profile)
            : ListPage.Read(html, result.FinalUrl, source.Profile);
        var (added, seen) = visit.Tally.Add(url.Uri, links, apiPage is not null);
        var pages = links.Pages.ToList();

        // The search API: asked from its first page once a list page is read, then page after page
        // while each lists something new and the column declares more than was seen.
        if (api is not null && apiPage is null) pages.Add(api.Page(api.FirstPage));
        if (api is not null && apiPage is { } n && added > 0 && (visit.Tally.Declared is not { } declared || seen < declared) && n + 1 < api.FirstPage + ListApi.MaxPages) pages.Add(api.Page(n + 1));

        var found = pages.Select(p => (p, UrlKind.List, (string?)null, (DateOnly?)null)).Concat(links.Reports.Select(r => (r.Url, UrlKind.Article, (string?)r.Title, r.ListDate)));
        await store.DiscoverAsync(source.Name, visit.Run, found, result.FinalUrl, ct);
        await store.CompleteAsync(url, result, UrlState.Done, null, null, keep ? bytes : null, ct);
    }

    /// <summary>
    /// A fetched document through the intake: its URL, the Content-Type and charset the server
    /// declared, its Last-Modified, and what the portal says of it: the article page it hangs
    /// from (<paramref name="page"/>, null for a document linked straight from a list), the
    /// article's title and publication date.
    /// </summary>
    private async Task LoadAsync(Visit visit, FrontierUrl url, FetchResult result, DocumentKind kind, string? page, ArticleMeta meta, CancellationToken ct)
    {
        var origin = new DocumentOrigin(result.FinalUrl.AbsoluteUri, result.ContentType, result.Charset, visit.SourceKey, visit.Source.RegionCode,
            meta.Title, meta.Published, page, result.Validators?.LastModified);
        var document = await _intake.ReadAsync(result.Bytes, origin, ct, kind);
        await store.StoreDocumentAsync(url, result, document, visit.BatchKey, ct);
    }
}
