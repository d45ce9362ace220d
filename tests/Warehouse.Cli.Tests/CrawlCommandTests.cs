using Shouldly;
using Warehouse.SamplePortal;

namespace Warehouse.Cli.Tests;

/// <summary><c>crawl</c> as an operator meets it: a source that failed is never an all-clear.</summary>
public sealed class CrawlCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("crawl-cli-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task A_source_whose_start_page_fails_makes_crawl_exit_1_with_a_Chinese_closing_line()
    {
        var ct = TestContext.Current.CancellationToken;
        var corpus = Path.Combine(_dir.FullName, "corpus");
        (await Repo.Cli("corpus", "generate", "--count", "6", "--seed", "3", "--out", corpus, "--layouts", "html-trs")).Code.ShouldBe(0);
        await using var portal = await SamplePortal.SamplePortal.StartAsync(new SamplePortalOptions(corpus, Sites: 1), ct);
        var site = portal.Sites[0];
        var sources = Directory.CreateDirectory(Path.Combine(_dir.FullName, "sources")).FullName;
        var yaml = site.SourceYaml(TimeSpan.FromMilliseconds(10));
        await File.WriteAllTextAsync(Path.Combine(sources, "working.yaml"), yaml, ct);
        await File.WriteAllTextAsync(Path.Combine(sources, "moved.yaml"), yaml.Replace($"start: {site.ListUri}", $"start: {new Uri(site.BaseUri, "/column-moved/")}", StringComparison.Ordinal), ct);
        var db = Path.Combine(_dir.FullName, "w.db");

        var (code, output, err) = await Repo.Cli("crawl", "--sources", sources, "--db", db);
        code.ShouldBe(1, err);
        output.ShouldContain($"    失败 / failed: 起始页抓取失败：{new Uri(site.BaseUri, "/column-moved/").AbsoluteUri}（");
        output.TrimEnd().Split('\n')[^1].ShouldBe("抓取失败：2 个来源中 1 个失败（moved），见上 / 1 of 2 source(s) failed: moved");

        // The working source alone: an all-clear, said in Chinese first.
        var (ok, says, _) = await Repo.Cli("crawl", "--source", "working", "--sources", sources, "--db", db);
        ok.ShouldBe(0, says);
        says.TrimEnd().Split('\n')[^1].ShouldStartWith("抓取完成：1 个来源，新文件 0 个，未变 ");
    }
}
