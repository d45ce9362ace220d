using Warehouse.Corpus;
using Warehouse.Crawl.Crawling;
using Warehouse.Crawl.Sources;
using Warehouse.Data;
using Warehouse.Load;
using Warehouse.SamplePortal;

namespace Warehouse.Crawl.Tests.Crawling;

/// <summary>
/// The generated corpus the crawl tests serve: 520 reports in the layouts portals publish
/// (HTML of both CMS families, DOCX, and PDF when LibreOffice is installed), written once per
/// build of the generator and kept in the temp folder for the next run.
/// </summary>
internal static class CrawlCorpus
{
    public const int Count = 520;
    public const int Seed = 17;
    public const double Share = 0.15;

    private static readonly SemaphoreSlim Once = new(1, 1);

    public static async Task<string> FolderAsync(CancellationToken ct)
    {
        var withPdf = Warehouse.Office.Soffice.Find() is not null;
        if (!withPdf && Environment.GetEnvironmentVariable("CI") is not null)
        {
            throw new InvalidOperationException("LibreOffice is not installed: tests/run installs libreoffice-writer, which the PDF part of the crawl corpus needs");
        }

        var layouts = withPdf ? new[] { Layouts.HtmlTrs, Layouts.HtmlHanwebGbk, Layouts.Docx, Layouts.Pdf } : [Layouts.HtmlTrs, Layouts.HtmlHanwebGbk, Layouts.Docx];
        var version = typeof(CorpusWriter).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var folder = Path.Combine(Path.GetTempPath(), "warehouse-crawl-corpus", $"{version}-{Count}-{layouts.Length}");
        await Once.WaitAsync(ct);
        try
        {
            if (!File.Exists(Path.Combine(folder, "manifest.json")))
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                await new CorpusWriter(withPdf ? new SofficePdfConverter() : null).WriteAsync(folder, new CorpusOptions(Count, Seed, layouts, Share), null, ct);
            }

            return folder;
        }
        finally
        {
            Once.Release();
        }
    }
}

/// <summary>A sample portal, a source file per site, and a fresh warehouse, all gone afterwards.</summary>
internal sealed class CrawlSetup : IAsyncDisposable
{
    private readonly DirectoryInfo _dir;

    private CrawlSetup(DirectoryInfo dir, SamplePortal.SamplePortal portal, IReadOnlyList<Source> sources)
    {
        _dir = dir;
        Portal = portal;
        Sources = sources;
        Database = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(dir.FullName, "warehouse.db")));
    }

    public SamplePortal.SamplePortal Portal { get; }

    public IReadOnlyList<Source> Sources { get; }

    public WarehouseDatabase Database { get; }

    public string Folder => _dir.FullName;

    public string SourcesFolder => Path.Combine(_dir.FullName, "sources");

    public static async Task<CrawlSetup> StartAsync(FaultOptions? faults, TimeSpan delay, CancellationToken ct, int sites = 2)
    {
        var corpus = await CrawlCorpus.FolderAsync(ct);
        var portal = await SamplePortal.SamplePortal.StartAsync(new SamplePortalOptions(corpus, Sites: sites, Faults: faults), ct);
        var dir = Directory.CreateTempSubdirectory("crawl-");
        var folder = Directory.CreateDirectory(Path.Combine(dir.FullName, "sources"));
        foreach (var site in portal.Sites)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"site-{site.Index}.yaml"), site.SourceYaml(delay), ct);
        }

        var catalog = SourceCatalog.Load(folder.FullName);
        if (catalog.Problems.Count > 0) throw new InvalidOperationException(string.Join("; ", catalog.Problems));
        return new CrawlSetup(dir, portal, catalog.Sources);
    }

    /// <summary>Crawls every source at once, as the crawl command does.</summary>
    public async Task<IReadOnlyList<CrawlSummary>> CrawlAsync(CancellationToken ct, FetcherOptions? options = null)
    {
        await using var store = await CrawlStore.OpenAsync(Database, TimeProvider.System, ct);
        await using var fetcher = Fetcher.Create(options ?? new FetcherOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromSeconds(2) });
        var crawler = new Crawler(store, fetcher, DocumentReader.Default, CrawlDefaults.UserAgent);
        return await Task.WhenAll(Sources.Select(s => crawler.CrawlAsync(s, null, ct)));
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }
}
