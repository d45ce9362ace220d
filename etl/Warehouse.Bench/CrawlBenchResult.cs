namespace Warehouse.Bench;

/// <summary>
/// What <c>bench crawl</c> measured: the requests each host served, the politeness bound (the
/// busiest host's requests × the delay), the crawl's wall time and the CPU time of the process.
/// </summary>
public sealed record CrawlBenchResult(string Corpus, string Run, int Served, int Loaded, IReadOnlyList<int> RequestsPerHost, TimeSpan Bound, TimeSpan Elapsed, TimeSpan Cpu)
{
    public int Requests => RequestsPerHost.Sum();

    public double Ratio => Elapsed / Bound;
}
