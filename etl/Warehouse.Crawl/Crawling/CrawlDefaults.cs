namespace Warehouse.Crawl.Crawling;

/// <summary>What a crawl uses unless configured otherwise.</summary>
public static class CrawlDefaults
{
    /// <summary>
    /// The crawler's User-Agent: robots.txt groups name its product token (WarehouseBot), and the URL
    /// tells a portal's webmaster who is fetching and how to reach us. WAREHOUSE_USER_AGENT overrides it.
    /// </summary>
    public const string UserAgent = "WarehouseBot/1.0 (+https://github.com/warehouse-reports/warehouse/blob/main/docs/crawler.md)";

    public static string UserAgentFromEnvironment() =>
        Environment.GetEnvironmentVariable("WAREHOUSE_USER_AGENT") is { Length: > 0 } ua ? ua : UserAgent;
}
