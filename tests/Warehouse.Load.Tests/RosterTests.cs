using System.Text;
using ClosedXML.Excel;
using Dapper;
using Shouldly;
using Warehouse.Register.Roster;

namespace Warehouse.Load.Tests;

/// <summary>
/// The roster (应报名单) in a real SQLite warehouse: imported from the spreadsheets supervisors
/// keep (XLSX, CSV in GBK or UTF-8), matched against loaded reports by name, alias and region,
/// renamed agencies kept as one, and nothing imported from a file with a problem.
/// </summary>
public class RosterTests
{
    /// <summary>A fresh warehouse for one test: SQLite here, SQL Server in <see cref="SqlServerRosterTests"/>.</summary>
    protected virtual TempWarehouse NewWarehouse() => new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task LoadAsync(TempWarehouse w, params (string Agency, int Year)[] reports)
    {
        var files = reports.Select((r, i) => w.Write($"r{i}.txt", SeedReports.As(r.Agency, r.Year))).ToList();
        var summary = await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);
        summary.Rejected.ShouldBeEmpty();
    }

    private static string Csv(TempWarehouse w, string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(w.Folder, name);
        File.WriteAllBytes(path, (encoding ?? Encoding.UTF8).GetBytes(text));
        return path;
    }

    private static RosterService Service(TempWarehouse w) => new(w.Database, TimeProvider.System);

    [Fact]
    public async Task An_agency_that_never_published_is_on_the_roster_without_a_report_and_a_report_off_the_roster_is_listed()
    {
        using var w = NewWarehouse();
        await LoadAsync(w, ("赣县区商务局", 2023), ("赣县区教育局", 2023), ("赣县区林业局", 2023));
        var gbk = Warehouse.Parsing.Text.TextDecoding.Gb18030;
        var roster = Csv(w, "roster.csv", "单位名称,地区,机关类型,别名\n赣县区商务局,赣县区,政府部门,\n赣县区教育体育局,360704,政府部门,赣县区教育局\n赣县区审计局,赣县区,政府部门,\n", gbk);

        var imported = await Service(w).ImportAsync(roster, 2023, Ct);
        imported.Added.ShouldBe(3);

        var m = await Service(w).MatchAsync(2023, Ct);
        m.Expected.ShouldBe(3);
        m.Matched.Select(x => (x.Agency.Name, x.Report.Agency)).OrderBy(x => x.Name).ShouldBe([("赣县区商务局", "赣县区商务局"), ("赣县区教育体育局", "赣县区教育局")]);
        m.WithoutReport.Select(a => a.Name).ShouldBe(["赣县区审计局"]);
        m.Unmatched.Select(r => r.Agency).ShouldBe(["赣县区林业局"]);
    }

    [Fact]
    public async Task A_renamed_agency_is_one_agency_across_the_years_and_an_agency_dropped_from_its_regions_roster_leaves_it()
    {
        using var w = NewWarehouse();
        await LoadAsync(w, ("赣县区科学技术局", 2023), ("赣县区科学技术和工业信息化局", 2024), ("赣县区商务局", 2023));
        await Service(w).ImportAsync(Csv(w, "2023.csv", "单位名称,地区\n赣县区科学技术局,赣县区\n赣县区商务局,赣县区\n"), 2023, Ct);

        var renamed = await Service(w).ImportAsync(Csv(w, "2024.csv", "单位名称,地区,原名称\n赣县区科学技术和工业信息化局,赣县区,赣县区科学技术局\n"), 2024, Ct);

        renamed.Renamed.ShouldBe(1);
        renamed.Removed.ShouldBe(["赣县区商务局"]);
        var y2023 = await Service(w).MatchAsync(2023, Ct);
        var y2024 = await Service(w).MatchAsync(2024, Ct);
        var before = y2023.Matched.Single(x => x.Report.Agency == "赣县区科学技术局").Agency;
        var after = y2024.Matched.Single().Agency;
        after.EntityKey.ShouldBe(before.EntityKey);
        after.Name.ShouldBe("赣县区科学技术和工业信息化局");
        y2024.Expected.ShouldBe(1);
        y2023.Expected.ShouldBe(2);

        // The history is kept: two versions of the renamed agency, the old one closed in 2023.
        await using var c = await w.OpenAsync();
        (await c.QueryAsync<(string Name, long From, long? To)>("select name, valid_from_year, valid_to_year from roster_entry where entity_key = @K order by valid_from_year", new { K = after.EntityKey }))
            .ShouldBe([("赣县区科学技术局", 2023L, (long?)2023), ("赣县区科学技术和工业信息化局", 2024L, null)]);
    }

    [Fact]
    public async Task A_file_with_problems_is_not_imported_at_all_and_says_where_they_are()
    {
        using var w = NewWarehouse();
        var bad = Csv(w, "bad.csv", "单位名称,地区,机关类型,统一社会信用代码\n赣县区商务局,火星,政府部门,\n,赣县区,政府部门,\n赣县区审计局,赣县区,审计部门,12345\n赣县区林业局,赣县区,政府部门,\n");

        var e = await Should.ThrowAsync<RosterException>(() => Service(w).ImportAsync(bad, 2023, Ct));

        e.Message.ShouldStartWith("名单未导入，4 处问题");
        e.Message.ShouldContain("第 2 行「赣县区商务局」的地区「火星」");
        e.Message.ShouldContain("第 3 行没有单位名称");
        e.Message.ShouldContain("第 4 行「赣县区审计局」的机关类型「审计部门」");
        e.Message.ShouldContain("不是 18 位代码");
        (await w.CountAsync("roster_entry")).ShouldBe(0);
    }

    [Fact]
    public async Task A_proposed_roster_lists_who_reported_before_and_imports_back_from_xlsx()
    {
        using var w = NewWarehouse();
        await LoadAsync(w, ("赣县区商务局", 2022), ("赣县区商务局", 2023), ("赣县区教育局", 2022));
        var proposal = Path.Combine(w.Folder, "proposal.xlsx");

        (await Service(w).ProposeAsync(2024, proposal, Ct)).ShouldBe(2);

        using (var workbook = new XLWorkbook(proposal))
        {
            var sheet = workbook.Worksheet("应报名单");
            sheet.Cell(1, 1).GetString().ShouldBe("单位名称");
            sheet.Column(1).Width.ShouldBe(36);
            sheet.Cell(2, 1).GetString().ShouldBeOneOf("赣县区商务局", "赣县区教育局");
        }

        (await Service(w).ImportAsync(proposal, 2024, Ct)).Added.ShouldBe(2);
        (await Service(w).MatchAsync(2024, Ct)).WithoutReport.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_deadline_is_31_january_unless_the_region_or_a_region_above_it_has_one_recorded()
    {
        using var w = NewWarehouse();
        await Service(w).SetDeadlineAsync("3607", 2024, new DateOnly(2025, 2, 28), "赣市府办字〔2025〕1号", Ct);
        var recorded = await Service(w).DeadlinesAsync(2024, Ct);

        RosterService.DeadlineFor("360704", 2024, recorded).ShouldBe(new DateOnly(2025, 2, 28));
        RosterService.DeadlineFor("360100", 2024, recorded).ShouldBe(new DateOnly(2025, 1, 31));
        RosterService.DeadlineFor(null, 2024, recorded).ShouldBe(new DateOnly(2025, 1, 31));
    }
}

/// <summary>The same tests on SQL Server (<c>WAREHOUSE_SQLSERVER</c>; skipped when it is not set).</summary>
public sealed class SqlServerRosterTests : RosterTests
{
    protected override TempWarehouse NewWarehouse() => TempWarehouse.OnSqlServer();
}
