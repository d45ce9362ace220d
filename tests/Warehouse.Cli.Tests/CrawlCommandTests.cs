using Shouldly;
using Warehouse.Crawl.Tests.Crawling;
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
    public async Task The_real_column_from_its_start_url_alone_exits_1_naming_each_missing_report_and_the_declared_count()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var site = await StaticSite.StartAsync(StaticSite.Fixture("Portal", "pingtan"), ct);
        var start = site.Url("/zwgk/zfxxgk/zfxxgknb/");
        var sources = Directory.CreateDirectory(Path.Combine(_dir.FullName, "sources")).FullName;
        await File.WriteAllTextAsync(Path.Combine(sources, "pingtan.yaml"),
            $"title: 平潭综合实验区\nregion: \"350128\"\nprofile: trs\nstart: {start}\npoliteness:\n  min_delay: 10ms\nlocal_test_source: true\n", ct);

        var (code, output, err) = await Repo.Cli("crawl", "--sources", sources, "--db", Path.Combine(_dir.FullName, "w.db"));
        code.ShouldBe(1, err);
        output.ShouldContain("    年报链接由 通用规则（trs 规则未找到链接） 找到 / report links found by: 通用规则（trs 规则未找到链接）");
        output.Split('\n').Count(l => l.StartsWith($"    失败 / failed: {start.AbsoluteUri}20", StringComparison.Ordinal) && l.Contains("404", StringComparison.Ordinal)).ShouldBe(9);
        output.ShouldContain($"    失败 / failed: {start.AbsoluteUri}202603/t20260313_105587.htm（");
        output.ShouldContain("    警告 / warning: 栏目声明 20 篇，实际抓到 10 篇：其余页面只能通过脚本或检索接口获取 / column declares 20, reached 10 (further pages only through a script or a search API)");
        output.TrimEnd().Split('\n')[^1].ShouldBe("抓取未完全成功：1 个来源中 1 个有警告或抓取失败的链接（pingtan），见上 / 1 of 1 source(s) have warnings or failed URLs: pingtan");
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
