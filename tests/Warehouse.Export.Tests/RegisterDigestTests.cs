using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Shouldly;
using Warehouse.Data;
using Warehouse.Export.Digest;
using Warehouse.Load;
using Warehouse.Register.Roster;

namespace Warehouse.Export.Tests;

/// <summary>
/// The register's figures over the roster (应报名单) in a real SQLite warehouse: 按时发布率 and 报告覆盖率
/// per region and year in v_register_region_year and the comparison workbooks, and the digest's
/// headline figures, which say the roster is missing when it is instead of showing zeros.
/// </summary>
public sealed class RegisterDigestTests : IDisposable
{
    private static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds", "000_6b7f44aa3acc8f17.txt");

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("warehouse-register-digest-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    /// <summary>
    /// Four agencies of 赣县区 on the 2023 roster: two published on time (by 31 January 2024), one
    /// late, one not at all; one agency's 2022 report, a year without a roster.
    /// </summary>
    private async Task<WarehouseDatabase> BuildAsync()
    {
        var database = new WarehouseDatabase(WarehouseTarget.Parse(Path.Combine(_dir.FullName, "w.db")));
        (string Agency, int Year, string Signed)[] reports =
        [
            ("赣县区商务局", 2022, "2023年1月10日"),
            ("赣县区商务局", 2023, "2024年1月20日"),
            ("赣县区教育局", 2023, "2024年1月25日"),
            ("赣县区林业局", 2023, "2024年3月1日"),
        ];
        var files = reports.Select((r, i) =>
        {
            var text = File.ReadAllText(Seed).Replace("赣县区商务局", r.Agency, StringComparison.Ordinal).Replace("2023", r.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var path = Path.Combine(_dir.FullName, $"r{i}.txt");
            File.WriteAllText(path, $"{text}\n\n{r.Agency}\n\n{r.Signed}\n", Encoding.UTF8);
            return path;
        }).ToList();
        var summary = await new IngestService(database, DocumentReader.Default, TimeProvider.System).IngestAsync(files, new IngestOptions(), null, Ct);
        summary.Rejected.ShouldBeEmpty();

        var roster = Path.Combine(_dir.FullName, "roster.csv");
        File.WriteAllText(roster, "单位名称,地区,机关类型\n赣县区商务局,赣县区,政府部门\n赣县区教育局,赣县区,政府部门\n赣县区林业局,赣县区,政府部门\n赣县区审计局,赣县区,政府部门\n", Encoding.UTF8);
        (await new RosterService(database, TimeProvider.System).ImportAsync(roster, 2023, Ct)).Added.ShouldBe(4);
        return database;
    }

    private async Task<Digest.Digest> DigestAsync(WarehouseDatabase database, int year, string dashboard = "region-comparison")
    {
        var work = Directory.CreateDirectory(Path.Combine(_dir.FullName, $"digest-{Guid.NewGuid():N}")).FullName;
        var catalog = Dashboards.DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards"));
        return await new DigestService(database, catalog, TimeProvider.System).BuildAsync(new DigestRequest(dashboard, null, year, ["leader@example.gov.cn"]), work, Ct);
    }

    [Fact]
    public async Task On_time_rate_and_coverage_are_computed_over_the_roster_at_every_level_and_a_year_without_a_roster_has_no_rows()
    {
        var database = await BuildAsync();
        await using var c = await database.OpenAsync(Ct);
        var rows = (await c.QueryAsync<(string Level, string RegionCode, string AgencyType, long Expected, long Received, long OnTime, long Late, long Missing, double? OnTimeRate, double? CoverageRate)>(
            "select level, region_code, agency_type, expected, received, on_time, late, missing, roster_on_time_rate, coverage_rate from v_register_region_year where year = 2023 order by level, agency_type")).ToList();

        // 赣县区 (county), 赣州市 (city) and 江西省 (province), each for 政府部门 and 全部: the same four agencies.
        rows.Select(r => (r.Level, r.RegionCode, r.AgencyType)).ShouldBe(
            [("city", "3607", "全部"), ("city", "3607", "政府部门"), ("county", "360704", "全部"), ("county", "360704", "政府部门"), ("province", "36", "全部"), ("province", "36", "政府部门")]);
        foreach (var r in rows)
        {
            (r.Expected, r.Received, r.OnTime, r.Late, r.Missing).ShouldBe((4L, 3L, 2L, 1L, 1L));
            r.OnTimeRate.ShouldBe(0.5);
            r.CoverageRate.ShouldBe(0.75);
        }

        // 2022 has a report but no roster: no row, not a row of zeros.
        (await c.ExecuteScalarAsync<long>("select count(*) from v_register_region_year where year = 2022")).ShouldBe(0);

        // The comparison workbook shows them, the rates defined on its cover.
        var path = Path.Combine(_dir.FullName, "region.xlsx");
        var dashboard = Dashboards.DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards")).Find("region-comparison")!;
        await new Exporter(database, TimeProvider.System).ExportAsync(dashboard, new SelectionRequest(2022, 2023, "36", "county"), path, null, Ct);
        var row = Workbooks.TableRows(path, "地区对比", "register_region").ShouldHaveSingleItem();
        (row["地区"], row["年度"], row["应报机关数"], row["收到报告"], row["按时发布"], row["未发布"]).ShouldBe(("赣县区", "2023", "4", "3", "2", "1"));
        double.Parse(row["按时发布率（应报名单）"], CultureInfo.InvariantCulture).ShouldBe(0.5);
        double.Parse(row["报告覆盖率"], CultureInfo.InvariantCulture).ShouldBe(0.75);
        var cover = string.Join("\n", Workbooks.Cells(path, Dashboards.DashboardChecker.CoverSheet));
        cover.ShouldContain("按时发布的机关数 ÷ 应报机关数（应报名单）");
        cover.ShouldContain("收到报告的机关数 ÷ 应报机关数（应报名单）");

        // 年度对比: the chosen region's own row, year by year (2022 has none), even with --balanced.
        var years = Path.Combine(_dir.FullName, "years.xlsx");
        var yearDashboard = Dashboards.DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards")).Find("year-comparison")!;
        await new Exporter(database, TimeProvider.System).ExportAsync(yearDashboard, new SelectionRequest(2022, 2023, "3607", Balanced: true), years, null, Ct);
        var yearRow = Workbooks.TableRows(years, "年度对比", "register_years").ShouldHaveSingleItem();
        (yearRow["地区"], yearRow["年度"], yearRow["应报机关数"], yearRow["收到报告"], yearRow["按时发布"]).ShouldBe(("赣州市", "2023", "4", "3", "2"));
        double.Parse(yearRow["报告覆盖率"], CultureInfo.InvariantCulture).ShouldBe(0.75);
    }

    [Fact]
    public async Task The_digest_gives_the_registers_figures_over_the_roster_in_its_mail_and_on_its_workbooks_cover()
    {
        var database = await BuildAsync();
        var digest = await DigestAsync(database, 2023);

        await using var c = await database.OpenAsync(Ct);
        var resemblance = await c.ExecuteScalarAsync<long>("select count(distinct entity_key) from register_problem where year = 2023 and kind = 'resemblance'");
        var open = await c.ExecuteScalarAsync<long>("select count(*) from rectification_item where year = 2023 and state <> 'closed'");
        open.ShouldBeGreaterThan(0, "the missing and late agencies open 整改 items");
        resemblance.ShouldBe(3, "the three reports of 2023 are copies of one another (同地区雷同), each counted once whatever its problems");
        digest.Register.ShouldBe(new RegisterHeadline(4, 3, 2, 1, 0, 1, 0, 0, resemblance, open));

        var html = digest.Message.HtmlBody!;
        var text = digest.Message.TextBody!;
        html.ShouldContain($"<h3>{DigestService.RegisterTitle}</h3>");
        foreach (var (name, value) in new[] { ("expected", 4L), ("received", 3), ("on_time", 2), ("late", 1), ("missing", 1), ("resemblance", resemblance), ("open_items", open) })
        {
            html.ShouldContain($"data-register=\"{name}\">{value}</td>");
        }

        html.ShouldContain("按时发布率 50.0% = 按时发布 &#247; 应报机关");
        html.ShouldContain("报告覆盖率 75.0% = 收到报告 &#247; 应报机关");
        text.ShouldContain("  应报机关：4（应报名单上的机关）");
        text.ShouldContain($"  未整改：{open}（");
        html.ShouldNotContain("未导入应报名单");

        var cover = await CoverAsync(digest);
        cover.ShouldContain(DigestService.RegisterTitle);
        cover.ShouldContain("按时发布率 50.0%");
        cover.ShouldContain($"雷同\n{resemblance}（");
    }

    [Fact]
    public async Task Without_a_roster_for_its_year_the_digest_says_so_and_shows_no_zeros()
    {
        var database = await BuildAsync();
        var digest = await DigestAsync(database, 2022);

        digest.Register.HasRoster.ShouldBeFalse();
        var html = digest.Message.HtmlBody!;
        html.ShouldContain("data-register=\"none\"");
        html.ShouldContain("未导入应报名单，无法统计应报/未发布");
        html.ShouldNotContain("data-register=\"expected\"");
        html.ShouldNotContain("data-register=\"missing\"");
        digest.Message.TextBody!.ShouldContain("未导入应报名单，无法统计应报/未发布");
        (await CoverAsync(digest)).ShouldContain("未导入应报名单，无法统计应报/未发布");
    }

    /// <summary>The text of the attached workbook's cover, a cell a line.</summary>
    private static async Task<string> CoverAsync(Digest.Digest digest)
    {
        var attachment = digest.Message.Attachments.OfType<MimeKit.MimePart>().ShouldHaveSingleItem();
        var path = Path.Combine(Path.GetTempPath(), $"cover-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var file = File.Create(path)) await attachment.Content!.DecodeToAsync(file, Ct);
            return string.Join("\n", Workbooks.Cells(path, Dashboards.DashboardChecker.CoverSheet));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
