using Warehouse.Bench;
using Warehouse.Cli.Commands;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Sources;

namespace Warehouse.Cli;

/// <summary>A benchmark's long steps shown as every command shows them: progress bars on a terminal, lines in a log.</summary>
internal sealed class BenchSteps(TextWriter output) : IBenchSteps
{
    public Task LineAsync(string line) => output.WriteLineAsync(line);

    public Task<T> RunAsync<T>(string what, int total, Func<IProgress<int>, Task<T>> work) => Progress.RunAsync(output, what, total, work);

    public Task<IReadOnlyList<CrawlSummary>> CrawlAsync(IReadOnlyList<Source> sources, Func<Source, IProgress<CrawlProgress>, Task<CrawlSummary>> crawl) =>
        CrawlProgressDisplay.RunAsync(output, sources, crawl);
}
