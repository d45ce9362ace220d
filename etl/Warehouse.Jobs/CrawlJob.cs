using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Warehouse.Core;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Fetching;
using Warehouse.Crawl.Sources;
using Warehouse.Data;
using Warehouse.Load;

namespace Warehouse.Jobs;

/// <summary>
/// Crawls one source (by name, so that the job survives edits of its file). Two runs of the same
/// source never overlap, across every serve process sharing the queue: the second finds the
/// source's lock taken and stops, saying so; the frontier would let it resume the same run.
/// A crawl whose start page failed, or that fetched nothing from its source, or that warned (a
/// certificate trusted by its pin, …), fails the job (<see cref="CrawlFailedException"/>):
/// Hangfire shows it red and retries it.
/// </summary>
public sealed class CrawlJob(ServeOptions options, WarehouseDatabase database, JobStorage storage, TimeProvider time, ILogger<CrawlJob> logger)
{
    public static string Id(string source) => $"crawl:{source}";

    /// <remarks>
    /// Synchronous on purpose: Hangfire runs a job on a worker thread, and a storage's distributed
    /// lock is released by the thread that took it; the crawl itself is awaited in between.
    /// </remarks>
    public string Run(string source, CancellationToken ct)
    {
        var catalog = SourceCatalog.Load(options.Sources);
        var s = catalog.Find(source) ?? throw new InvalidOperationException($"No source named '{source}' in {options.Sources} (was its file removed or broken?).");
        using var connection = storage.GetConnection();
        IDisposable held;
        try
        {
            held = connection.AcquireDistributedLock(Id(source), TimeSpan.Zero);
        }
        catch (DistributedLockTimeoutException)
        {
            logger.CrawlAlreadyRunning(source);
            return "already running";
        }

        using (held)
        {
            return CrawlAsync(s, ct).GetAwaiter().GetResult();
        }
    }

    private async Task<string> CrawlAsync(Source s, CancellationToken ct)
    {
        var userAgent = options.UserAgent ?? CrawlDefaults.UserAgent;
        var problems = FetchPolicy.ForSource(s, userAgent).Problems();
        if (problems.Count > 0) throw new InvalidOperationException($"Cannot crawl {s.Name}: {string.Join("; ", problems)}");
        await using var store = await CrawlStore.OpenAsync(database, time, ct);
        await using var fetcher = Fetcher.Create();
        var summary = await new Crawler(store, fetcher, DocumentReader.Default, userAgent).CrawlAsync(s, null, ct);
        if (summary.Failure is { } failure)
        {
            logger.CrawlFailed(s.Name, failure, summary.Problems.Count);
            throw new CrawlFailedException($"抓取 {s.Name} 失败：{failure}");
        }

        if (summary.Warnings.Count > 0)
        {
            logger.CrawlWarned(s.Name, string.Join(" | ", summary.Warnings));
            throw new CrawlFailedException($"抓取 {s.Name} 有警告：{string.Join("；", summary.Warnings)}");
        }

        logger.Crawled(
            s.Name, summary.NewDocuments, summary.UnchangedDocuments, summary.Rejected, summary.Problems.Count);
        return $"{summary.NewDocuments} new, {summary.UnchangedDocuments} unchanged, {summary.Problems.Count} failed or refused";
    }
}

/// <summary>A crawl that failed as a whole (its start page, or nothing fetched) or warned; the message says why, Chinese first.</summary>
public sealed class CrawlFailedException(string message) : UserFacingException(message);
