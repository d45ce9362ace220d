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
        await using var portal = await PortalAsync(6, ct);
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

    [Fact]
    public async Task A_crawl_that_warns_prints_each_warning_under_its_source()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = await PortalAsync(2, ct);
        var sources = Directory.CreateDirectory(Path.Combine(_dir.FullName, "sources")).FullName;
        var pin = string.Join(':', Enumerable.Repeat("AB", 32));
        await File.WriteAllTextAsync(Path.Combine(sources, "pinned.yaml"), portal.Sites[0].SourceYaml(TimeSpan.FromMilliseconds(10)) + $"\ntls:\n  pin_sha256: \"{pin}\"\n", ct);

        var (_, output, _) = await Repo.Cli("crawl", "--sources", sources, "--db", Path.Combine(_dir.FullName, "w.db"));

        output.ShouldContain($"    警告 / warning: 已按指纹信任 127.0.0.1 的证书（SHA-256 {pin}），未验证其证书链；");
    }

    /// <summary>A one-site sample portal serving <paramref name="count"/> generated reports (TRS pages).</summary>
    private async Task<SamplePortal.SamplePortal> PortalAsync(int count, CancellationToken ct)
    {
        var corpus = Path.Combine(_dir.FullName, "corpus");
        (await Repo.Cli("corpus", "generate", "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "3", "--out", corpus, "--layouts", "html-trs")).Code.ShouldBe(0);
        return await SamplePortal.SamplePortal.StartAsync(new SamplePortalOptions(corpus, Sites: 1), ct);
    }
}
