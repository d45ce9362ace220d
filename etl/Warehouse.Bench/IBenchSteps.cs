using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Sources;

namespace Warehouse.Bench;

/// <summary>How a benchmark shows its long steps (making a corpus, loading, crawling): the CLI's progress bars, or lines in a log.</summary>
public interface IBenchSteps
{
    Task LineAsync(string line);

    Task<T> RunAsync<T>(string what, int total, Func<IProgress<int>, Task<T>> work);

    Task<IReadOnlyList<CrawlSummary>> CrawlAsync(IReadOnlyList<Source> sources, Func<Source, IProgress<CrawlProgress>, Task<CrawlSummary>> crawl);
}
