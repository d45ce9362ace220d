using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus;
using Warehouse.Data;

namespace Warehouse.Load.Tests;

/// <summary>
/// The views users query directly, checked against what the loaded reports say: one suite, run
/// on each database (as Dapper's tests run one suite per provider): on SQLite always
/// (<see cref="SqliteViewsTests"/>), on SQL Server when <c>WAREHOUSE_SQLSERVER</c> is set
/// (<see cref="SqlServerViewsTests"/>). The SQL of the assertions is written once, with
/// <c>dbo.</c> and <c>N'…'</c>, and rendered for the database (<see cref="TempWarehouse.Sql"/>).
/// </summary>
public abstract partial class ViewsTests
{
    private static string Seeds => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An empty warehouse on the database this suite runs on.</summary>
    protected abstract TempWarehouse NewWarehouse();

    [Fact]
    public async Task Every_view_runs_and_the_region_bridge_places_a_county_at_each_level()
    {
        using var w = NewWarehouse();
        await w.Ingest().IngestAsync(IngestService.Expand([Seeds]), new IngestOptions(), null, Ct);

        await using var c = await w.OpenAsync();
        foreach (var view in new SqlScripts(w.Dialect).Views())
        {
            var name = view.Name.Split('@')[0]["views/".Length..][3..];
            await c.ExecuteScalarAsync<long>(w.Sql($"select count(*) from dbo.{name}"));
        }

        // 赣县区 (360704) counts towards itself, 赣州市 and 江西省; a city towards itself and its province.
        (await c.QueryAsync<(string Level, string Code)>(w.Sql("select level, rollup_code from dbo.v_region_bridge where region_code = '360704' order by level")))
            .ShouldBe([("city", "3607"), ("county", "360704"), ("province", "36")]);
        (await c.QueryAsync<(string Level, string Code)>(w.Sql("select level, rollup_code from dbo.v_region_bridge where region_code = '3607' order by level")))
            .ShouldBe([("city", "3607"), ("province", "36")]);
    }

    [Fact]
    public async Task Every_view_describes_its_grain_and_each_column_in_its_header()
    {
        using var w = NewWarehouse();
        await using var c = await w.OpenAsync();
        var sql = new SqlScripts(w.Dialect);
        var columns = (await c.QueryAsync<(string View, string Column)>(sql.Get("queries/view_columns")))
            .GroupBy(x => x.View).ToDictionary(g => g.Key, g => g.Select(x => x.Column).ToList());
        var views = sql.Views();
        columns.Keys.ShouldBe(views.Select(v => v.Name.Split('@')[0]["views/".Length..][3..]), ignoreOrder: true);
        foreach (var (name, text) in views)
        {
            var view = name.Split('@')[0]["views/".Length..][3..];
            var header = text[..text.IndexOf("create ", StringComparison.Ordinal)].Split('\n');
            header.ShouldContain(l => l.StartsWith("-- grain: ", StringComparison.Ordinal), $"{view} says its grain");
            var described = header.Select(l => ColumnLine().Match(l)).Where(m => m.Success)
                .Select(m => (Name: m.Groups[1].Value, Kind: m.Groups[2].Value, Unit: m.Groups[3].Value.Trim())).ToList();
            described.Select(d => d.Name).ShouldBe(columns[view], $"{view}: the header lists its columns, in order, each with its kind (key, attribute, count or rate)");
            described.Where(d => d.Kind is "count" or "rate").ShouldAllBe(d => d.Unit.Length > 0, $"{view}: a count or rate gives its unit");
            described.Where(d => d.Name.EndsWith("_rate", StringComparison.Ordinal) || d.Name.EndsWith("_ratio", StringComparison.Ordinal) || d.Name.StartsWith("share_of_", StringComparison.Ordinal))
                .ShouldAllBe(d => d.Kind == "rate", $"{view}: a column named as a rate is a rate");
        }
    }

    [Fact]
    public async Task Filing_status_marks_on_time_late_undated_and_missing()
    {
        using var w = NewWarehouse();
        var files = IngestService.Expand([Seeds]).ToList();
        // 和田地区商务局 closes on 10 January; a copy closing on 10 February is late.
        var hetian = files.Single(f => Path.GetFileName(f).StartsWith("001", StringComparison.Ordinal));
        files.Remove(hetian);
        files.Add(w.Write("late.txt", Encoding.UTF8.GetBytes(File.ReadAllText(hetian).Replace("2024年1月10日", "2024年2月10日", StringComparison.Ordinal))));
        await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);

        await using var c = await w.OpenAsync();
        var status = (await c.QueryAsync<(string Agency, long Year, string Status)>(w.Sql("select agency, year, status from dbo.v_filing_status")))
            .ToDictionary(s => (s.Agency, (int)s.Year), s => s.Status);

        // The latest year loaded is 2024 (上犹县), so every agency that reported 2023 is expected in 2024.
        status.ShouldBe(new Dictionary<(string, int), string>
        {
            [("赣县区商务局", 2023)] = "undated",
            [("赣县区商务局", 2024)] = "missing",
            [("和田地区商务局", 2023)] = "late",
            [("和田地区商务局", 2024)] = "missing",
            [("赣州经济技术开发区党政办公室", 2023)] = "on_time",
            [("赣州经济技术开发区党政办公室", 2024)] = "missing",
            [("渠县经济和信息化局", 2023)] = "undated",
            [("渠县经济和信息化局", 2024)] = "missing",
            [("上犹县商务局", 2024)] = "undated",
        }, ignoreOrder: true);

        // 赣州市 (3607) expects 赣县区, 赣州经开区 and 上犹县 in 2023 or 2024; only the zone was on time.
        var ganzhou = await c.QuerySingleAsync<(long Reports, double? OnTime)>(
            w.Sql("select reports, on_time_rate from dbo.v_region_year_measures where region_code = '3607' and year = 2023 and agency_type = N'全部'"));
        ganzhou.Reports.ShouldBe(2);
        ganzhou.OnTime.ShouldBe(0.5);
    }

    [Fact]
    public async Task Filing_status_tells_a_year_received_but_unreadable_and_an_agency_whose_crawl_failed_from_missing()
    {
        using var w = NewWarehouse();
        var files = IngestService.Expand([Seeds]).ToList();
        // A scan of 赣县区商务局's 2024 report: no text layer, but its file name says whose and which year.
        var scan = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "BadInputs", "scanned.pdf"));
        files.Add(w.Write("赣县区商务局2024年政府信息公开工作年度报告.pdf", scan));
        await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);
        await using var c = await w.OpenAsync();

        // 和田地区商务局's documents came from a portal whose last crawl failed.
        await c.ExecuteAsync(w.Sql("insert into dbo.dim_source (source_code, name, kind) values ('hetian', N'和田地区门户', 'portal')"));
        await c.ExecuteAsync(w.Sql("""
            update dbo.raw_document set source_key = (select source_key from dbo.dim_source where source_code = 'hetian')
            where sha256 in (select r.sha256 from dbo.fact_report r where r.agency_code in (select agency_code from dbo.dim_agency where name = N'和田地区商务局'))
            """));
        async Task CrawlAsync(string? failure) => await c.ExecuteAsync(w.Sql(
            "insert into dbo.crawl_run (source_code, started_at, finished_at, failure) values ('hetian', '2025-02-01 03:00:00', '2025-02-01 03:05:00', @Failure)"), new { Failure = failure });
        await CrawlAsync("起始页抓取失败：…");
        async Task<Dictionary<string, (string Status, string Label)>> StatusAsync() =>
            (await c.QueryAsync<(string Agency, string Status, string Label)>(w.Sql("select agency, status, status_label from dbo.v_filing_status where year = 2024")))
            .ToDictionary(s => s.Agency, s => (s.Status, s.Label));

        var status = await StatusAsync();

        status["赣县区商务局"].ShouldBe(("unreadable", "无法核实（无法读取）"));
        status["和田地区商务局"].ShouldBe(("crawl_failed", "无法核实（抓取失败）"));
        status["渠县经济和信息化局"].ShouldBe(("missing", "未发布"));
        (await c.ExecuteScalarAsync<string>(w.Sql("select reason from dbo.ingest_rejection where year = 2024"))).ShouldStartWith("扫描件，无文字层");

        // Once a crawl of that portal works again, a year with no report is missing.
        await CrawlAsync(null);
        (await StatusAsync())["和田地区商务局"].ShouldBe(("missing", "未发布"));
    }

    [Fact]
    public async Task A_file_that_states_its_pages_publication_date_is_judged_by_it()
    {
        using var w = NewWarehouse();
        // Crawler text saved to a file: the portal's byline above the report, which is signed on time.
        var signed = SeedReports.As("赣县区审计局", 2023, new DateOnly(2024, 1, 20));
        var page = System.Text.Encoding.UTF8.GetBytes("发布时间: 2024-03-10 15:35\n").Concat(signed).ToArray();
        await w.Ingest().IngestAsync([w.Write("page.txt", page), w.Write("signed.txt", SeedReports.As("赣县区商务局", 2023, new DateOnly(2024, 1, 20)))], new IngestOptions(), null, Ct);
        await using var c = await w.OpenAsync();

        var rows = (await c.QueryAsync<(string Agency, string Status, string? Source)>(w.Sql(
            "select agency, status, published_source from dbo.v_filing_status where year = 2023"))).ToDictionary(r => r.Agency);
        rows["赣县区审计局"].ShouldBe(("赣县区审计局", "late", "portal"), "the page says 10 March, after 31 January");
        rows["赣县区商务局"].ShouldBe(("赣县区商务局", "on_time", "signed"), "a file that states no page date is judged by its signature");
        (await c.QuerySingleAsync<string>(w.Sql("select cast(portal_published as varchar(10)) from dbo.raw_document where origin like '%page.txt'"))).ShouldStartWith("2024-03-10");
    }

    [Fact]
    public async Task Filing_status_judges_by_the_portal_date_when_known_and_says_which_date_it_used()
    {
        using var w = NewWarehouse();
        await w.Ingest().IngestAsync(IngestService.Expand([Seeds]), new IngestOptions(), null, Ct);
        await using var c = await w.OpenAsync();

        // 赣州经开区 signed on time; as if the crawl found its portal published it on 1 March.
        await c.ExecuteAsync(w.Sql(
            """
            update dbo.fact_report set portal_published = '2024-03-01', published_source = 'portal', late = 1
            where year = 2023 and agency_key in (select agency_key from dbo.dim_agency where name = N'赣州经济技术开发区党政办公室')
            """));

        var rows = (await c.QueryAsync<(string Agency, string Status, string? Source, string? Label, int UsesPortal, int UsesSigned)>(w.Sql(
            """
            select agency, status, published_source, published_source_label,
                   case when filing_date = portal_published then 1 else 0 end,
                   case when filing_date = published then 1 else 0 end
            from dbo.v_filing_status where year = 2023
            """))).ToDictionary(r => r.Agency);

        rows["赣州经济技术开发区党政办公室"].ShouldBe(("赣州经济技术开发区党政办公室", "late", "portal", "门户网站", 1, 0));
        rows["和田地区商务局"].ShouldBe(("和田地区商务局", "on_time", "signed", "落款日期", 0, 1), "an ingested file is judged by its signed date, as before");
        rows["赣县区商务局"].ShouldBe(("赣县区商务局", "undated", null, null, 0, 0));
        var current = await c.QuerySingleAsync<(string? Source, int UsesPortal)>(w.Sql(
            "select published_source, case when filing_date = portal_published then 1 else 0 end from dbo.v_report_current where agency = N'赣州经济技术开发区党政办公室'"));
        current.ShouldBe(("portal", 1));
    }

    [Fact]
    public async Task Rates_are_null_where_their_denominator_is_zero()
    {
        using var w = NewWarehouse();
        await w.Ingest().IngestAsync(IngestService.Expand([Seeds]), new IngestOptions(), null, Ct);

        await using var c = await w.OpenAsync();
        // The seeds received no applications and faced no reviews or lawsuits.
        var rows = (await c.QueryAsync<(long Handled, double? Disclosure, double? Correction, double? Dispute, long Rankable)>(
            w.Sql("select applications_handled, disclosure_rate, overall_correction_rate, dispute_rate, rankable from dbo.v_report_measures"))).ToList();
        rows.Count.ShouldBe(5);
        rows.ShouldAllBe(r => r.Handled == 0 && r.Disclosure == null && r.Correction == null && r.Dispute == null && r.Rankable == 0);
        (await c.ExecuteScalarAsync<long>(w.Sql("select count(*) from dbo.v_region_year_measures where disclosure_rate is not null"))).ShouldBe(0);
    }

    [Fact]
    public async Task Measures_year_over_year_and_the_cross_year_rules_agree_with_the_reports()
    {
        using var w = NewWarehouse();
        var (before, after) = TwoYears();
        var files = new[] { (before, "2022.txt"), (after, "2023.txt") }
            .Select(p => w.Write(p.Item2, CorpusWriter.Render(p.Item1, Layouts.TextTab)))
            .ToList();
        var summary = await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);
        summary.Loaded.ShouldBe(2);

        await using var c = await w.OpenAsync();
        var r = after.Report;
        var a = r.Applications;
        double Group(string g) => a.Rows.Where(x => x.Category.Group == g).Sum(x => x.Cells[ApplicantTypes.TotalIndex] ?? 0);
        var decided = (double)a.Total("total_processed")!.Value;
        var m = await c.QuerySingleAsync<(long Handled, double? Disclosure, double? Denied, double? Dispute, long Rankable)>(
            w.Sql("select applications_handled, disclosure_rate, denied_rate, dispute_rate, rankable from dbo.v_report_measures where year = 2023"));
        m.Handled.ShouldBe(a.Total("new_received")!.Value + a.Total("carried_over")!.Value);
        m.Disclosure!.Value.ShouldBe((Group("granted") + Group("partial")) / decided, 1e-9);
        m.Denied!.Value.ShouldBe(Group("denied") / decided, 1e-9);
        var disputes = ReviewLitigation.Proceedings.Sum(p => r.ReviewLitigation.Get(p)[ReviewLitigation.TotalIndex] ?? 0);
        m.Dispute!.Value.ShouldBe((double)disputes / a.Total("new_received")!.Value, 1e-9);
        m.Rankable.ShouldBe(m.Handled >= 30 ? 1 : 0);

        // The county's roll-up to its city and province holds the same single report.
        var levels = (await c.QueryAsync<(string Level, string Code, long Handled)>(
            w.Sql("select level, region_code, applications_handled from dbo.v_region_year_measures where year = 2023 and agency_type = N'全部' order by level"))).ToList();
        levels.ShouldBe([("city", "3607", m.Handled), ("county", "360704", m.Handled), ("province", "36", m.Handled)]);

        var yoy = (await c.QueryAsync<(string Category, long Count, long? Previous, long? Change)>(
            w.Sql("select category_code, count, previous_count, change from dbo.v_yoy_applications where year = 2023"))).ToList();
        yoy.Count.ShouldBe(a.Rows.Count());
        foreach (var (category, count, previous, change) in yoy)
        {
            previous.ShouldBe(before.Report.Applications.Total(category));
            change.ShouldBe(count - previous);
        }

        var rule5 = (await c.QueryAsync<(string Applicant, long Expected, long Actual)>(
            w.Sql("select applicant_code, expected, actual from dbo.v_rule5_carry_over where year = 2023"))).ToList();
        var expected5 = ApplicantTypes.All
            .Select(t => (t.Code, (long)before.Report.Applications["carried_forward", t.Index]!.Value, (long)a["carried_over", t.Index]!.Value))
            .Where(x => x.Item2 != x.Item3)
            .ToList();
        expected5.ShouldNotBeEmpty("the two years are built to break rule 5");
        rule5.ShouldBe(expected5, ignoreOrder: true);

        var rule7 = (await c.QueryAsync<(string Item, long Expected, long Actual)>(
            w.Sql("select item_code, expected, actual from dbo.v_rule7_documents where year = 2023"))).ToList();
        var docs = new[] { ("regulations", before.Report.ActiveDisclosure.Regulations, r.ActiveDisclosure.Regulations), ("normative_documents", before.Report.ActiveDisclosure.NormativeDocuments, r.ActiveDisclosure.NormativeDocuments) };
        var expected7 = docs
            .Select(d => (d.Item1, (long)(d.Item2.InForce!.Value + d.Item3.Issued!.Value - d.Item3.Repealed!.Value), (long)d.Item3.InForce!.Value))
            .Where(x => x.Item2 != x.Item3)
            .ToList();
        rule7.ShouldBe(expected7, ignoreOrder: true);
    }

    [Fact]
    public async Task Year_over_year_denial_shares_and_agency_types_agree_with_the_reports()
    {
        using var w = NewWarehouse();
        var (before, after) = TwoYears();
        var files = new[] { (before, "2022.txt"), (after, "2023.txt") }
            .Select(p => w.Write(p.Item2, CorpusWriter.Render(p.Item1, Layouts.TextTab)))
            .Append(Path.Combine(Seeds, Directory.GetFiles(Seeds, "002*.txt").Single()))
            .ToList();
        (await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct)).Loaded.ShouldBe(3);

        await using var c = await w.OpenAsync();
        var a = after.Report.Applications;
        var b = before.Report.Applications;
        long Handled(ApplicationTable t) => t.Total("new_received")!.Value + t.Total("carried_over")!.Value;
        var yoy = await c.QuerySingleAsync<(long Handled, long? Previous, long? Change, long Rule5)>(
            w.Sql("select applications_handled, previous_applications_handled, applications_change, rule5_breaks from dbo.v_agency_yoy where year = 2023 and agency = N'赣县区教育局'"));
        yoy.ShouldBe((Handled(a), Handled(b), Handled(a) - Handled(b), await c.ExecuteScalarAsync<long>(w.Sql("select count(*) from dbo.v_rule5_carry_over where year = 2023 and agency = N'赣县区教育局'"))));
        (await c.ExecuteScalarAsync<long?>(w.Sql("select previous_applications_handled from dbo.v_agency_yoy where year = 2022 and agency = N'赣县区教育局'"))).ShouldBeNull();

        var denied = (await c.QueryAsync<(string Category, long Count, double? Share)>(
            w.Sql("select category_code, count, share_of_denied from dbo.v_region_year_denied where region_code = '360704' and year = 2023 and agency_type = N'全部'"))).ToList();
        var expected = a.Rows.Where(r => r.Category.Group == "denied").ToDictionary(r => r.Category.Code, r => (long)(r.Cells[ApplicantTypes.TotalIndex] ?? 0));
        denied.ToDictionary(d => d.Category, d => d.Count).ShouldBe(expected, ignoreOrder: true);
        if (expected.Values.Sum() > 0) denied.Sum(d => d.Share!.Value).ShouldBe(1, 1e-9);

        var types = (await c.QueryAsync<(string Name, string Type)>(w.Sql("select name, agency_type from dbo.v_agency"))).ToDictionary(x => x.Name, x => x.Type);
        types["赣县区教育局"].ShouldBe("政府部门");
        types["赣州经济技术开发区党政办公室"].ShouldBe("政府办公室");

        // Each agency type is its own row beside 全部, whose sums are the types' sums.
        var byType = (await c.QueryAsync<(string Type, long Handled)>(
            w.Sql("select agency_type, applications_handled from dbo.v_region_year_measures where level = 'province' and region_code = '36' and year = 2023"))).ToList();
        byType.Single(x => x.Type == "全部").Handled.ShouldBe(byType.Where(x => x.Type != "全部").Sum(x => x.Handled));
    }

    /// <summary>A column's line in a view's header: <c>--   name   kind   unit or meaning</c>.</summary>
    [GeneratedRegex(@"^--\s{3}(\w+)\s+(key|attribute|count|rate)(?:\s+(.*))?$")]
    private static partial Regex ColumnLine();

    /// <summary>
    /// One county agency's consistent reports for 2022 and 2023, from two generated reports with
    /// applications, so the rates are defined and the carry-over between the years does not match.
    /// </summary>
    private static (GeneratedReport Before, GeneratedReport After) TwoYears()
    {
        var found = Enumerable.Range(0, 500)
            .Select(i => ReportFactory.Create(7, i, 0))
            .Where(g => g.Report.Template == Template.Template2021 && g.Report.Applications.Total("new_received") >= 30
                        && g.Report.ReviewLitigation.Review[ReviewLitigation.TotalIndex] > 0)
            .Take(2)
            .ToList();
        found.Count.ShouldBe(2);
        GeneratedReport As(GeneratedReport g, int year) => g with
        {
            Report = g.Report with { Agency = "赣县区教育局", RegionCode = "360704", Year = year, Published = new DateOnly(year + 1, 1, 20) },
        };
        return (As(found[0], 2022), As(found[1], 2023));
    }
}

/// <summary>The views' suite on SQLite, always.</summary>
public sealed class SqliteViewsTests : ViewsTests
{
    protected override TempWarehouse NewWarehouse() => new();
}

/// <summary>The views' suite on SQL Server, when <c>WAREHOUSE_SQLSERVER</c> is set; skipped, with the reason, when not.</summary>
public sealed class SqlServerViewsTests : ViewsTests
{
    protected override TempWarehouse NewWarehouse() => TempWarehouse.OnSqlServer();
}
