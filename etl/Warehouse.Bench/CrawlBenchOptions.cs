namespace Warehouse.Bench;

/// <summary><c>bench crawl</c>: <paramref name="Reports"/> reports served by <paramref name="Hosts"/> sample-portal hosts, each asking <paramref name="Delay"/> between requests.</summary>
public sealed record CrawlBenchOptions(int Reports, int Hosts, TimeSpan Delay);
