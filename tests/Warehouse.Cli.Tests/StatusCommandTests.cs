using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Shouldly;

namespace Warehouse.Cli.Tests;

/// <summary><c>status</c> as a supervisor reads it: Chinese first, nothing cut silently, every report with its source and its findings.</summary>
public sealed partial class StatusCommandTests(LoadedCorpus w) : IClassFixture<LoadedCorpus>
{
    [Fact]
    public async Task A_path_that_holds_no_warehouse_is_one_line_exit_2_and_nothing_is_created()
    {
        var folder = Path.Combine(w.Folder, "nothing-here");
        var db = Path.Combine(folder, "w.db");
        var (code, output, err) = await Repo.Cli("status", "--db", db);
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        err.Trim().Split('\n').ShouldHaveSingleItem();
        err.ShouldStartWith($"warehouse: {db} 处没有数据仓库");
        File.Exists(db).ShouldBeFalse();
        Directory.Exists(folder).ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_that_is_no_warehouse_is_said_and_left_alone()
    {
        var other = Path.Combine(w.Folder, "other.db");
        await using (var c = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await c.OpenAsync(TestContext.Current.CancellationToken);
            await c.ExecuteAsync("create table notes (text text)");
        }

        var before = Hash(other);
        var (code, _, err) = await Repo.Cli("status", "--db", other);
        code.ShouldBe(2);
        err.ShouldContain("不是数据仓库");
        Hash(other).ShouldBe(before);
        w.Query<string>("select 1").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Status_of_a_current_warehouse_changes_nothing_in_it()
    {
        var before = Hash(w.Db);
        var (code, _, err) = await Repo.Cli("status", "--db", w.Db);
        code.ShouldBe(0, err);
        Hash(w.Db).ShouldBe(before);
    }

    [Fact]
    public async Task A_year_with_no_reports_says_which_years_are_loaded_and_exits_non_zero()
    {
        var (code, output, err) = await Repo.Cli("status", "--db", w.Db, "--year", "2021");
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        var reports = w.Query<(long Year, long Count)>("select year, count(*) from fact_report where is_current = 1 group by year order by year");
        err.ShouldContain($"2021 年没有报告。已载入的年度：{string.Join("、", reports.Select(r => $"{r.Year}（{r.Count} 份）"))}");
    }

    [Fact]
    public async Task A_region_with_no_reports_says_so_with_the_years_loaded()
    {
        var (code, _, err) = await Repo.Cli("status", "--db", w.Db, "--region", "江西省");
        code.ShouldBe(2);
        err.ShouldContain("2023 年江西省（36）没有报告");
        err.ShouldContain("已载入的年度：2022");
        err.ShouldContain("其中江西省有报告的年度：无");
    }

    [Fact]
    public async Task A_region_whose_agencies_all_failed_to_publish_shows_them_and_still_exits_non_zero()
    {
        // The seeds: 赣县区商务局 reported for 2023; 2024 is loaded (上犹县) but 赣县区 has nothing for it.
        var db = Path.Combine(w.Folder, $"seeds-{Guid.NewGuid():N}.db");
        (await Repo.Cli("ingest", Path.GetDirectoryName(Repo.SeedText("000"))!, "--db", db)).Code.ShouldBe(0);
        var (code, output, err) = await Repo.Cli("status", "--db", db, "--region", "赣县区", "--year", "2024");
        code.ShouldBe(2);
        err.ShouldContain("2024 年赣县区（360704，江西省 赣州市）没有报告。已载入的年度：2023（4 份）、2024（1 份）；其中赣县区有报告的年度：2023（1 份）。");
        output.ShouldContain("未发布或无法核实 Missing or unverifiable（2023 年有报告、2024 年没有）：共 1 个");
        output.ShouldContain("  1. 赣县区商务局 · 360704 赣县区 · 未发布 · 上一份报告 2023 年度");
    }

    [Fact]
    public async Task A_year_whose_report_came_as_a_scan_is_received_but_unreadable_not_missing()
    {
        // 赣县区商务局's 2024 report came, but as a scan without a text layer; its file name says whose and which year.
        var folder = Directory.CreateDirectory(Path.Combine(w.Folder, $"scan-{Guid.NewGuid():N}")).FullName;
        foreach (var seed in Directory.GetFiles(Path.GetDirectoryName(Repo.SeedText("000"))!)) File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "BadInputs", "scanned.pdf"), Path.Combine(folder, "赣县区商务局2024年政府信息公开工作年度报告.pdf"));
        var db = Path.Combine(w.Folder, $"scan-{Guid.NewGuid():N}.db");
        (await Repo.Cli("ingest", folder, "--db", db)).Code.ShouldBe(0);

        var (_, output, _) = await Repo.Cli("status", "--db", db, "--region", "赣县区", "--year", "2024");

        output.ShouldContain("  1. 赣县区商务局 · 360704 赣县区 · 无法核实（无法读取） · 上一份报告 2023 年度");
        var json = JsonNode.Parse((await Repo.Cli("status", "--db", db, "--region", "赣县区", "--year", "2024", "--json")).Out)!;
        json["missing"]![0]!["status"]!.GetValue<string>().ShouldBe("unreadable");
    }

    [Fact]
    public async Task A_short_list_says_how_many_it_shows_of_how_many_and_limit_0_shows_all()
    {
        var total = w.Query<long>("select count(*) from fact_report where is_current = 1 and year = 2023 and (late = 1 or published is null or error_count > 0 or warning_count > 0)").Single();
        total.ShouldBeGreaterThan(3);

        var (code, output, err) = await Repo.Cli("status", "--db", w.Db, "--limit", "3");
        code.ShouldBe(0, err);
        output.ShouldContain($"显示 3 / 共 {total}（--limit 0 显示全部）");
        Entries(BeforeResemblances(output)).ShouldBe(3 + 1); // and the one missing agency

        var all = await Repo.Cli("status", "--db", w.Db, "--limit", "0");
        all.Out.ShouldContain($"共 {total} 份");
        all.Out.ShouldNotContain("显示 ");
        Entries(BeforeResemblances(all.Out)).ShouldBe((int)total + 1); // and the one missing agency

        var json = JsonNode.Parse((await Repo.Cli("status", "--db", w.Db, "--limit", "3", "--json")).Out)!;
        json["totals"]!["late_or_inconsistent"]!.GetValue<long>().ShouldBe(total);
        json["shown"]!["late_or_inconsistent"]!.GetValue<long>().ShouldBe(3);
        json["late_or_inconsistent"]!.AsArray().Count.ShouldBe(3);
        json["totals"]!["missing"]!.GetValue<long>().ShouldBe(1);
        json["limit"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task Status_says_which_date_judged_a_report_the_portal_s_or_the_signed_one()
    {
        var dated = w.Query<(string Agency, string Signed)>(
            "select a.name, r.published from fact_report r join dim_agency a on a.agency_key = r.agency_key where r.is_current = 1 and r.year = 2023 and r.published is not null and r.error_count > 0 order by a.name");
        var (agency, signed) = dated[0];
        var other = dated[1];

        // A copy of the warehouse in which that report was crawled: its portal published it on 10 March;
        // and the other one came from a file that states no page date, so its signature judges it.
        var db = await w.CopyAsync(
            """
            update fact_report set portal_published = '2024-03-10', published_source = 'portal', late = 1
            where is_current = 1 and year = 2023 and agency_key in (select agency_key from dim_agency where name = @agency);
            update fact_report set portal_published = null, published_source = 'signed', late = case when published > '2024-01-31' then 1 else 0 end
            where is_current = 1 and year = 2023 and agency_key in (select agency_key from dim_agency where name = @other);
            """, new { agency, other = other.Item1 });

        var (code, output, err) = await Repo.Cli("status", "--db", db, "--limit", "0");
        code.ShouldBe(0, err);
        Line(output, agency).ShouldContain("· 发布日期 2024-03-10（门户网站），逾期发布 ·");
        Line(output, other.Item1).ShouldContain($"· 发布日期 {other.Item2}（落款日期），");

        var json = JsonNode.Parse((await Repo.Cli("status", "--db", db, "--limit", "0", "--json")).Out)!["late_or_inconsistent"]!.AsArray();
        var crawled = json.Single(r => r!["agency"]!.GetValue<string>() == agency)!;
        crawled["published"]!.GetValue<string>().ShouldBe(signed, "the signed date is kept beside the portal's");
        crawled["portal_published"]!.GetValue<string>().ShouldBe("2024-03-10");
        crawled["filing_date"]!.GetValue<string>().ShouldBe("2024-03-10");
        crawled["published_source"]!.GetValue<string>().ShouldBe("portal");
        crawled["published_source_label"]!.GetValue<string>().ShouldBe("门户网站");
        crawled["status"]!.GetValue<string>().ShouldBe("late");
        var filed = json.Single(r => r!["agency"]!.GetValue<string>() == other.Item1)!;
        filed["filing_date"]!.GetValue<string>().ShouldBe(other.Item2);
        filed["published_source"]!.GetValue<string>().ShouldBe("signed");
        filed["portal_published"].ShouldBeNull();
    }

    [Fact]
    public async Task Undated_reports_are_shown_as_未注明日期()
    {
        // Unsigned reports, as if ingested from files that state no page date either (the corpus's
        // unsigned ones are portal pages, which state their 发布时间).
        var undated = w.Query<string>("select a.name from fact_report r join dim_agency a on a.agency_key = r.agency_key where r.is_current = 1 and r.year = 2023 and r.published is null");
        undated.ShouldNotBeEmpty();
        var db = await w.CopyAsync("update fact_report set portal_published = null, published_source = null, late = null where published is null");
        var (_, output, _) = await Repo.Cli("status", "--db", db, "--limit", "0");
        foreach (var agency in undated) output.ShouldContain($"{agency} · 2023 年度 · ", customMessage: agency);
        foreach (var agency in undated) Line(output, agency).ShouldContain("· 未注明日期 ·");
        output.ShouldNotContain("not stated");

        var json = JsonNode.Parse((await Repo.Cli("status", "--db", db, "--limit", "0", "--json")).Out)!;
        json["late_or_inconsistent"]!.AsArray().Where(r => r!["filing_date"] is null).ShouldAllBe(r => r!["status_label"]!.GetValue<string>() == "未注明日期");
    }

    [Fact]
    public async Task Every_report_carries_the_link_to_its_source_and_regions_their_names()
    {
        var (_, output, _) = await Repo.Cli("status", "--db", w.Db, "--limit", "0");
        var reports = w.Query<(string Agency, string Origin, string Region, string Name)>("""
            select a.name, d.origin, r.region_code, g.name from fact_report r join dim_agency a on a.agency_key = r.agency_key
            join raw_document d on d.sha256 = r.sha256 join dim_region g on g.region_code = r.region_code
            where r.is_current = 1 and r.year = 2023 and (r.late = 1 or r.published is null or r.error_count > 0 or r.warning_count > 0)
            """);
        foreach (var r in reports)
        {
            var block = Block(output, r.Agency);
            block.ShouldContain($"原文链接 {r.Origin}");
            File.Exists(r.Origin).ShouldBeTrue();
            block.ShouldContain($"{r.Region} {r.Name}");
        }

        // The missing agency: last year's report, and where it came from.
        var last = w.Query<string>($"select d.origin from fact_report r join dim_agency a on a.agency_key = r.agency_key join raw_document d on d.sha256 = r.sha256 where a.name = '{w.Withheld.Agency}' and r.year = 2022").Single();
        var missing = output[output.IndexOf("未发布或无法核实 Missing", StringComparison.Ordinal)..];
        missing.ShouldContain(w.Withheld.Agency);
        missing.ShouldContain($"原文链接（2022 年度）{last}");

        var json = JsonNode.Parse((await Repo.Cli("status", "--db", w.Db, "--limit", "0", "--json")).Out)!;
        json["late_or_inconsistent"]!.AsArray().ShouldAllBe(r => File.Exists(r!["source"]!.GetValue<string>()));
        json["missing"]![0]!["last_source"]!.GetValue<string>().ShouldBe(last);
    }

    [Fact]
    public async Task Findings_errors_and_warnings_are_listed_in_the_same_words_as_validate_gives()
    {
        var (_, output, _) = await Repo.Cli("status", "--db", w.Db, "--limit", "0");
        var files = w.Query<string>("select d.origin from fact_report r join raw_document d on d.sha256 = r.sha256 where r.is_current = 1 and r.year = 2023 and (r.error_count > 0 or r.warning_count > 0)");
        files.Count.ShouldBeGreaterThan(2);
        var warnings = 0;
        foreach (var file in files)
        {
            var validate = await Repo.Cli("validate", file);
            var lines = validate.Out.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            lines.ShouldNotBeEmpty();
            foreach (var line in lines) output.ShouldContain("     " + line + "\n", customMessage: file);
            warnings += lines.Count(l => l.StartsWith("警告 ", StringComparison.Ordinal));
        }

        warnings.ShouldBeGreaterThan(0, "the corpus has warnings, and status lists them");
        output.ShouldNotContain("error   ");
        output.ShouldNotContain("warning ");
    }

    [Fact]
    public async Task Regions_are_named_by_name_or_code_and_an_ambiguous_name_lists_the_candidates()
    {
        var byCode = await Repo.Cli("status", "--db", w.Db, "--region", "370212");
        var byName = await Repo.Cli("status", "--db", w.Db, "--region", "崂山区");
        var byFullName = await Repo.Cli("status", "--db", w.Db, "--region", "青岛市崂山区");
        byCode.Code.ShouldBe(0, byCode.Err);
        byName.Out.ShouldBe(byCode.Out);
        byFullName.Out.ShouldBe(byCode.Out);
        byName.Out.ShouldContain("地区 region 崂山区（370212，山东省 青岛市）");
        byName.Out.ShouldNotContain("北京市");

        var (code, _, err) = await Repo.Cli("status", "--db", w.Db, "--region", "朝阳区");
        code.ShouldBe(2);
        err.ShouldContain("北京市朝阳区 110105");
        err.ShouldContain("吉林省长春市朝阳区 220104");

        var typo = await Repo.Cli("status", "--db", w.Db, "--region", "崂山去");
        typo.Code.ShouldBe(2);
        typo.Err.ShouldContain("您是不是要输入 崂山区（370212）？");
    }

    [Fact]
    public async Task Status_speaks_Chinese_first()
    {
        var (_, output, _) = await Repo.Cli("status", "--db", w.Db);
        output.ShouldStartWith("数据仓库 warehouse");
        output.ShouldContain("已载入的年度 loaded years：2022");
        output.ShouldContain("逾期、未注明日期或有问题的报告 Late, undated or inconsistent reports");
        output.ShouldContain("（北京时间）");
        var help = await Repo.Cli("status", "--help");
        help.Out.ShouldContain("数据仓库概况");
    }

    /// <summary>How many numbered entries ("  1. …") a listing holds.</summary>
    private static int Entries(string output) => EntryLine().Count(output);

    /// <summary>The listing up to its 雷同 section (the last).</summary>
    private static string BeforeResemblances(string output) => output[..output.IndexOf("\n雷同 ", StringComparison.Ordinal)];

    private static string Line(string output, string agency) => output.Split('\n').First(l => l.Contains($"{agency} · ", StringComparison.Ordinal));

    /// <summary>An entry of the listing: its line and the indented lines under it.</summary>
    private static string Block(string output, string agency)
    {
        var lines = output.Split('\n');
        var start = Array.FindIndex(lines, l => EntryLine().IsMatch(l + "\n") && l.Contains($"{agency} · ", StringComparison.Ordinal));
        start.ShouldBeGreaterThanOrEqualTo(0, agency);
        return string.Join('\n', lines.Skip(start).TakeWhile((l, i) => i == 0 || l.StartsWith("     ", StringComparison.Ordinal)));
    }

    private static string Hash(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    [GeneratedRegex(@"^ {0,2}\d+\. ", RegexOptions.Multiline)]
    private static partial Regex EntryLine();
}
