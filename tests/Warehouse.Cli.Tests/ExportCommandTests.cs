using Shouldly;
using Warehouse.Export.Dashboards;

namespace Warehouse.Cli.Tests;

/// <summary><c>dashboards</c> and <c>export</c> as a user meets them: the workbook, or one sentence saying what is wrong.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("export-cli-");

    private static string Dashboards => Path.Combine(Repo.Root, "dashboards");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private async Task<string> LoadedWarehouseAsync()
    {
        var db = Path.Combine(_dir.FullName, "w.db");
        var (code, _, err) = await Repo.Cli("ingest", Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds"), "--db", db);
        code.ShouldBe(0, err);
        return db;
    }

    [Fact]
    public async Task Dashboards_list_shows_the_standard_set()
    {
        var (code, output, err) = await Repo.Cli("dashboards", "list", "--dashboards", Dashboards);
        code.ShouldBe(0, err);
        foreach (var name in new[] { "region-comparison", "year-comparison", "filing-status", "disposal-results", "notice", "rectification", "地区对比", "年度对比", "报送情况", "办理结果", "通报", "整改台账" }) output.ShouldContain(name);
    }

    [Fact]
    public async Task Dashboards_check_passes_the_shipped_files_and_names_a_broken_ones_mistake_with_exit_1()
    {
        var (ok, output, _) = await Repo.Cli("dashboards", "check", "--dashboards", Dashboards);
        ok.ShouldBe(0, output);
        output.ShouldContain("region-comparison.yaml: ok");

        var broken = Path.Combine(_dir.FullName, "mine.yaml");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Path.Combine(Dashboards, "filing-status.yaml"), Ct)).Replace("view: v_filing_status", "view: v_filing", StringComparison.Ordinal), Ct);
        var (code, says, _) = await Repo.Cli("dashboards", "check", broken);
        code.ShouldBe(1);
        says.ShouldContain($"{broken}:");
        says.ShouldContain("unknown view 'v_filing' (did you mean 'v_filing_status'?)");
    }

    [Fact]
    public async Task Export_writes_the_standard_set_from_the_seeds()
    {
        var db = await LoadedWarehouseAsync();
        var outDir = Path.Combine(_dir.FullName, "out");
        var (code, output, err) = await Repo.Cli("export", "--all", "--out", outDir, "--db", db, "--dashboards", Dashboards);
        code.ShouldBe(0, err);
        // Named with the years and the region, so that a run for another year or region does not overwrite them.
        var names = Directory.GetFiles(outDir).Select(Path.GetFileName).ToList();
        names.Select(n => n![..n!.IndexOf('_', StringComparison.Ordinal)]).ShouldBe(["办理结果", "地区对比", "年度对比", "报送情况", "通报", "整改台账"], ignoreOrder: true);
        names.ShouldAllBe(n => System.Text.RegularExpressions.Regex.IsMatch(n!, @"^\p{IsCJKUnifiedIdeographs}{2,4}_\d{4}(-\d{4})?_全部地区\.xlsx$"));
        output.ShouldContain("报送情况");
    }

    [Fact]
    public async Task Export_mistakes_are_one_sentence_and_exit_2()
    {
        var db = await LoadedWarehouseAsync();
        var file = Path.Combine(_dir.FullName, "x.xlsx");
        async Task Says(string expected, params string[] args)
        {
            var (code, output, err) = await Repo.Cli(["export", .. args, "--db", db, "--dashboards", Dashboards]);
            code.ShouldBe(2, output + err);
            err.Trim().Split('\n').ShouldHaveSingleItem();
            err.ShouldContain(expected);
            File.Exists(file).ShouldBeFalse();
        }

        await Says("--region 99：不是全国行政区划代码", "--dashboard", "region-comparison", "--region", "99", "--out", file);
        await Says("没有仪表板「region-comparisn」", "--dashboard", "region-comparisn", "--out", file);
        await Says("您是不是要输入 地区对比（region-comparison）？", "--dashboard", "region-comparisn", "--out", file);
        await Says("您是不是要输入 报送情况（filing-status）？", "--dashboard", "报送清况", "--out", file);
        await Says("--region 朝阳区：有 2 个地区叫这个名字", "--dashboard", "region-comparison", "--region", "朝阳区", "--out", file);
        await Says("shows one year: give --year, not a range", "--dashboard", "filing-status", "--years", "2022-2023", "--out", file);
        await Says("--agency-type 局 is not an agency type", "--dashboard", "region-comparison", "--agency-type", "局", "--out", file);
        await Says("--level province is above the region 赣州市", "--dashboard", "region-comparison", "--region", "3607", "--level", "province", "--out", file);
        await Says("a workbook's file name ends in .xlsx", "--dashboard", "region-comparison", "--out", Path.Combine(_dir.FullName, "x.csv"));
        await Says("请给出 --dashboard 名称，或 --all（全部看板）。Give either --dashboard NAME or --all.", "--out", file);
        await Says("cannot be limited to agencies that reported every year", "--dashboard", "region-comparison", "--balanced", "--out", file);

        var (code, _, err) = await Repo.Cli("export", "--dashboard", "region-comparison", "--out", file, "--db", Path.Combine(_dir.FullName, "none.db"), "--dashboards", Dashboards);
        code.ShouldBe(2);
        err.ShouldContain("处没有数据仓库");
        File.Exists(Path.Combine(_dir.FullName, "none.db")).ShouldBeFalse("export does not create an empty warehouse");
    }

    [Fact]
    public async Task Export_balanced_keeps_the_agencies_that_reported_every_year_and_names_the_file_so()
    {
        var db = await LoadedWarehouseAsync();
        var outDir = Path.Combine(_dir.FullName, "balanced");
        var (code, output, err) = await Repo.Cli("export", "--all", "--balanced", "--out", outDir, "--db", db, "--dashboards", Dashboards);
        code.ShouldBe(0, err);
        var names = Directory.GetFiles(outDir).Select(Path.GetFileName).ToList();
        names.Count.ShouldBe(DashboardCatalog.Standard.Count);
        names.ShouldContain(n => n!.StartsWith("年度对比_", StringComparison.Ordinal) && n.EndsWith("_平衡面板.xlsx", StringComparison.Ordinal), "only 年度对比 takes --balanced");
        names.Count(n => n!.Contains("平衡面板", StringComparison.Ordinal)).ShouldBe(1);
        output.ShouldContain("年度对比");
    }

    [Fact]
    public async Task A_region_or_year_with_no_reports_says_which_years_are_loaded_exits_non_zero_and_writes_nothing()
    {
        var db = await LoadedWarehouseAsync();
        var file = Path.Combine(_dir.FullName, "empty.xlsx");
        var (code, _, err) = await Repo.Cli("export", "--dashboard", "filing-status", "--region", "11", "--out", file, "--db", db, "--dashboards", Dashboards);
        code.ShouldBe(2);
        err.ShouldContain("2024 年北京市（11）没有报告。已载入的年度：2023（4 份）、2024（1 份）；其中北京市有报告的年度：无。");
        File.Exists(file).ShouldBeFalse();

        (code, _, err) = await Repo.Cli("export", "--dashboard", "region-comparison", "--years", "2019-2021", "--out", file, "--db", db, "--dashboards", Dashboards);
        code.ShouldBe(2);
        err.ShouldContain("2019–2021 年没有报告。已载入的年度：2023（4 份）、2024（1 份）。");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task A_dashboard_by_its_title_and_a_region_by_its_name()
    {
        var db = await LoadedWarehouseAsync();
        var byName = Path.Combine(_dir.FullName, "by-name.xlsx");
        var (code, output, err) = await Repo.Cli("export", "--dashboard", "报送情况", "--region", "赣州市", "--year", "2023", "--out", byName, "--db", db, "--dashboards", Dashboards);
        code.ShouldBe(0, err);
        output.ShouldContain("报送情况");
        output.ShouldContain("赣州市（3607）");
        File.Exists(byName).ShouldBeTrue();
    }

    [Fact]
    public async Task Digest_takes_a_dashboard_by_its_title_and_a_region_by_its_name()
    {
        var db = await LoadedWarehouseAsync();
        var dir = Path.Combine(_dir.FullName, "digest");
        var (code, output, err) = await Repo.Cli("digest", "--to", "leader@example.org", "--dashboard", "报送情况", "--region", "赣州市", "--year", "2023", "--dry-run", dir, "--db", db, "--dashboards", Dashboards);
        code.ShouldBe(0, output + err);
        File.Exists(Path.Combine(dir, "digest.eml")).ShouldBeTrue();

        var (wrong, _, says) = await Repo.Cli("digest", "--to", "leader@example.org", "--dashboard", "报送清况", "--dry-run", dir, "--db", db, "--dashboards", Dashboards);
        wrong.ShouldBe(2);
        says.ShouldContain("您是不是要输入 报送情况（filing-status）？");
    }
}
