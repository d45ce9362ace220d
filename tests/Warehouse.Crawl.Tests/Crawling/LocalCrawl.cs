using Shouldly;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Sources;
using Warehouse.Crawl.Tests.Fetching;
using Warehouse.Data;
using Warehouse.Load;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>A crawl of a local test source (测试县, TRS profile, region 370212) on a <see cref="TestPortal"/>.</summary>
internal static class LocalCrawl
{
    /// <summary>
    /// Writes the source's file into a new folder under <paramref name="parent"/> and crawls it from
    /// <paramref name="start"/> into <paramref name="database"/> (when null, a new warehouse beside the source file).
    /// </summary>
    public static Task<(CrawlSummary Summary, WarehouseDatabase Database)> RunAsync(string parent, Uri start, WarehouseDatabase? database, CancellationToken ct) =>
        RunAsync(parent, $"""
            title: 测试县人民政府
            region: "370212"
            profile: trs
            start: {start}
            politeness:
              min_delay: 10ms
            local_test_source: true
            """, database, ct);

    /// <summary>Writes <paramref name="yaml"/> as the one source of a new folder under <paramref name="parent"/> and crawls it.</summary>
    public static async Task<(CrawlSummary Summary, WarehouseDatabase Database)> RunAsync(string parent, string yaml, WarehouseDatabase? database, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(parent, $"sources-{Guid.NewGuid():N}")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "county.yaml"), yaml, ct);
        var catalog = SourceCatalog.Load(folder);
        catalog.Problems.ShouldBeEmpty();
        database ??= new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(folder, "w.db")));
        await using var store = await CrawlStore.OpenAsync(database, TimeProvider.System, ct);
        await using var fetcher = Fetcher.Create(Fast.Options);
        var summary = await new Crawler(store, fetcher, DocumentReader.Default, Fast.UserAgent).CrawlAsync(catalog.Sources.Single(), null, ct);
        return (summary, database);
    }
}

/// <summary>Tests that keep warehouses and source files in a temporary folder, deleted afterwards (SQLite's pooled handles closed first).</summary>
public abstract class ScratchFolderTests(string prefix) : IAsyncDisposable
{
    protected DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory(prefix);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Dir.Delete(recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
