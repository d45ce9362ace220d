using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Shouldly;
using Warehouse.Export.Dashboards;
using Warehouse.Office;

namespace Warehouse.Export.Tests;

/// <summary>What readers of the workbooks are told: rates defined, changes of rates in points, shading both ways, panels, coverage, sources, findings, file names, print.</summary>
public sealed partial class ExportTests
{
    [Fact]
    public async Task Every_rate_a_sheet_shows_is_defined_on_the_cover_and_one_that_passes_100_percent_says_why()
    {
        await using var c = await f.Database.OpenAsync(Ct);
        var above100 = 0;
        foreach (var (name, result) in f.Results)
        {
            var cover = Csv.Read(f.Csv(name, DashboardChecker.CoverSheet));
            var dashboard = f.Catalog.Find(name)!;
            var columns = dashboard.Sheets.SelectMany(s => s.Tables.SelectMany(t => t.Columns).Concat(s.Data?.Columns ?? []));
            foreach (var column in columns.Where(x => Rates.NeedsDefinition(x.Field, x.Format)))
            {
                var definition = Rates.Find(column.Field).ShouldNotBeNull($"{name}: {column.Field} has no definition");
                var line = cover.FirstOrDefault(r => r.Length > 1 && r[0] == definition.Name).ShouldNotBeNull($"{name}: the cover does not define {definition.Name}");
                line[1].ShouldStartWith(definition.Definition);
                if (definition.Note is { } note) line[1].ShouldContain(note);
            }

            // The shading is explained where there is some, and only there.
            var shaded = dashboard.Sheets.SelectMany(s => s.Tables.SelectMany(t => t.Columns)).Any(x => x.Thresholds is not null || x.Highlight is not null);
            cover.Any(r => r.Any(x => x.Contains("底纹说明", StringComparison.Ordinal))).ShouldBe(shaded, $"{name}: 底纹说明");

            // A rate shown above 100% is one whose definition says why it can be.
            foreach (var t in result.Tables)
            {
                var rows = (await c.QueryAsync(t.Query.Sql, t.Query.Parameters)).Cast<IDictionary<string, object?>>().ToList();
                foreach (var column in t.Query.Columns.Where(x => x.Format == "percent" && x.Spec is not null))
                {
                    var over = rows.Count(r => r[column.Field] is { } v && Convert.ToDouble(v, CultureInfo.InvariantCulture) > 1);
                    if (over == 0) continue;
                    above100 += over;
                    (Rates.Find(column.Spec!.Field)?.Note ?? "").Contains("可超过 100%", StringComparison.Ordinal).ShouldBeTrue($"{name} {t.Name}: {column.Caption} passes 100% in {over} rows without saying why");
                }
            }
        }

        above100.ShouldBeGreaterThan(0, "the generated panel has rates above 100% (changes of more than double, disputes about earlier years)");
    }

    [Fact]
    public async Task A_change_of_a_rate_is_in_points_and_shading_marks_falls_as_well_as_rises()
    {
        var result = f.Results["year-comparison"];
        var rows = Rows(result, "agency_yoy");
        rows.Header.ShouldContain("公开率变化（百分点）");
        var points = rows.Header.IndexOf("公开率变化（百分点）");
        rows.Data.Where(r => r[points].Length > 0).ShouldNotBeEmpty();
        rows.Data.ShouldAllBe(r => !r[points].Contains('%'));

        await using var c = await f.Database.OpenAsync(Ct);
        var changes = await c.QueryAsync<(double Points, double Rate, double Previous)>(
            "select disclosure_rate_change_points, disclosure_rate, previous_disclosure_rate from v_agency_yoy where disclosure_rate_change_points is not null");
        changes.ShouldNotBeEmpty();
        foreach (var (p, rate, previous) in changes) p.ShouldBe(100 * (rate - previous), 1e-9);

        // Red and yellow for falls as for rises: 变化率 below −50% and above 100%, points both ways.
        var formulas = Workbooks.ConditionalFormulas(result.Path, "年度对比");
        formulas.ShouldContain(x => x.Contains("<-0.5", StringComparison.Ordinal));
        formulas.ShouldContain(x => x.Contains(">1)", StringComparison.Ordinal) || x.Contains(">1,", StringComparison.Ordinal));
        formulas.ShouldContain(x => x.Contains("<-20", StringComparison.Ordinal));
        formulas.ShouldContain(x => x.Contains(">20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_year_comparison_can_be_limited_to_agencies_that_reported_every_year_and_says_how_many()
    {
        var (first, last) = (ExportFixture.FirstYear, ExportFixture.FirstYear + ExportFixture.Years - 1);
        await using var c = await f.Database.OpenAsync(Ct);
        var panel = await c.ExecuteScalarAsync<long>(
            "select count(*) from (select agency_code from v_report_current where year between @first and @last group by agency_code having count(*) = @years) x",
            new { first, last, years = ExportFixture.Years });
        panel.ShouldBe(ExportFixture.Agencies - f.Withheld);

        // All agencies: the last year has fewer (some did not publish), and the cover says so.
        var all = Rows(f.Results["year-comparison"], "yearly_totals");
        var agencies = all.Header.IndexOf("机关数");
        all.Data.Select(r => r[agencies]).Distinct().Count().ShouldBeGreaterThan(1);
        Csv.Read(f.Csv("year-comparison", DashboardChecker.CoverSheet)).ShouldContain(r => r[0] == "机关范围" && r[1].StartsWith("各年度有报告的全部机关", StringComparison.Ordinal));

        // The balanced panel: the same agencies each year, their number on the cover and in the file name.
        var folder = Path.Combine(f.Folder, "balanced");
        var result = await new Exporter(f.Database, TimeProvider.System).ExportIntoAsync(f.Catalog.Find("year-comparison")!, new SelectionRequest(Balanced: true), folder, null, Ct);
        Path.GetFileName(result.Path).ShouldBe($"年度对比_{first}-{last}_全部地区_平衡面板.xlsx");
        var totals = result.Tables.Single(t => t.Name == "yearly_totals");
        var counts = (await c.QueryAsync(totals.Query.Sql, totals.Query.Parameters)).Cast<IDictionary<string, object?>>().Select(r => Convert.ToInt64(r["agency_code"], CultureInfo.InvariantCulture)).ToList();
        counts.Count.ShouldBe(ExportFixture.Years);
        counts.ShouldAllBe(n => n == panel);
        Workbooks.Cells(result.Path, DashboardChecker.CoverSheet).ShouldContain(s => s.Contains($"只含 {first}–{last} 每年都有报告的机关（平衡面板）：{panel:N0} 个机关", StringComparison.Ordinal));
        result.Tables.Single(t => t.IsData && t.Sheet == "年度对比数据").Rows.ShouldBe((int)panel * ExportFixture.Years);

        // A dashboard that compares regions, not agencies, refuses the option in words.
        (await Should.ThrowAsync<SelectionException>(() => new Exporter(f.Database, TimeProvider.System).ExportAsync(
            f.Catalog.Find("region-comparison")!, new SelectionRequest(Balanced: true), Path.Combine(folder, "x.xlsx"), null, Ct))).Message.ShouldContain("--balanced");
    }

    [Fact]
    public async Task A_region_row_says_how_many_agencies_and_regions_it_covers_and_when_it_is_one_region_only()
    {
        var rows = Rows(f.Results["region-comparison"], "region_measures");
        var (code, year, reports, regions, note) = (rows.Header.IndexOf("地区代码"), rows.Header.IndexOf("年度"), rows.Header.IndexOf("报告机关数"), rows.Header.IndexOf("覆盖地区数"), rows.Header.IndexOf("覆盖"));
        new[] { code, year, reports, regions, note }.ShouldAllBe(i => i >= 0);
        await using var c = await f.Database.OpenAsync(Ct);
        var alone = 0;
        foreach (var r in rows.Data)
        {
            var args = new { code = r[code], year = int.Parse(r[year], CultureInfo.InvariantCulture) };
            var expected = await c.QueryFirstAsync<(long Reports, long Regions, string Only)>(
                "select count(*), count(distinct region_code), min(region) from v_report_current where province_code = @code and year = @year", args);
            long.Parse(r[reports], CultureInfo.InvariantCulture).ShouldBe(expected.Reports);
            long.Parse(r[regions], CultureInfo.InvariantCulture).ShouldBe(expected.Regions);
            if (expected.Regions == 1)
            {
                r[note].ShouldBeOneOf($"仅含{expected.Only}一地的报告", "仅含本级机关的报告");
                alone++;
            }
            else
            {
                r[note].ShouldBeEmpty();
            }
        }

        alone.ShouldBeGreaterThan(0, "the generated panel has provinces whose reports come from one region");
    }

    [Fact]
    public async Task Findings_are_the_validators_Chinese_sentences_and_every_report_row_carries_its_source()
    {
        await using var c = await f.Database.OpenAsync(Ct);
        var rows = Rows(f.Results["filing-status"], "filing_agencies");
        var (agency, year, findings, warnings) = (rows.Header.IndexOf("机关"), rows.Header.IndexOf("年度"), rows.Header.IndexOf("数据不一致之处"), rows.Header.IndexOf("提示"));
        var messages = (await c.QueryAsync<(string Agency, long Year, string Severity, string Message)>(
                "select a.name, r.year, x.severity, x.message from report_finding x join fact_report r on r.report_key = x.report_key join dim_agency a on a.agency_key = r.agency_key where r.is_current = 1 order by x.finding_key"))
            .ToLookup(m => (m.Agency, m.Year, m.Severity), m => m.Message[..(m.Message.IndexOf('。', StringComparison.Ordinal) + 1)]);
        var shown = 0;
        foreach (var r in rows.Data)
        {
            var key = (r[agency], long.Parse(r[year], CultureInfo.InvariantCulture));
            r[findings].ShouldBe(string.Concat(messages[(key.Item1, key.Item2, "error")]));
            r[warnings].ShouldBe(string.Concat(messages[(key.Item1, key.Item2, "warning")]));
            foreach (var text in new[] { r[findings], r[warnings] }.Where(t => t.Length > 0))
            {
                Regex.IsMatch(text, "[A-Za-z]{3,}").ShouldBeFalse($"Chinese only: {text}");
                text.ShouldEndWith("。");
                shown++;
            }
        }

        shown.ShouldBeGreaterThan(0);

        // Every table of report rows (it has a 机关 column) links each report to where it came from.
        var origins = (await c.QueryAsync<string>("select origin from raw_document")).ToHashSet();
        var tables = 0;
        foreach (var (name, result) in f.Results)
        {
            foreach (var t in result.Tables.Where(t => t.Query.Columns.Any(x => x.Caption == "机关")))
            {
                var link = t.Query.Columns.ToList().FindIndex(x => x.Caption == "原文链接");
                link.ShouldBeGreaterThanOrEqualTo(0, $"{name} {t.Name} has report rows but no 原文链接");
                var values = (await c.QueryAsync(t.Query.Sql, t.Query.Parameters)).Cast<IDictionary<string, object?>>().Select(r => r["source_url"] as string).ToList();
                var status = t.Query.Columns.ToList().FindIndex(x => x.Field == "status_label");
                values.Count(v => v is null).ShouldBe(status < 0 ? 0 : (await c.QueryAsync(t.Query.Sql, t.Query.Parameters)).Cast<IDictionary<string, object?>>().Count(r => (string?)r["status_label"] == "未发布"), $"{name} {t.Name}: only unpublished reports have no link");
                values.OfType<string>().ShouldAllBe(v => origins.Contains(v));
                tables++;
            }
        }

        tables.ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task Workbooks_exported_into_a_folder_are_named_by_year_and_region_so_a_second_run_keeps_the_first()
    {
        var folder = Path.Combine(f.Folder, "named");
        var exporter = new Exporter(f.Database, TimeProvider.System);
        var d = f.Catalog.Find("region-comparison")!;
        var year = ExportFixture.FirstYear;
        var a = await exporter.ExportIntoAsync(d, new SelectionRequest(year, year), folder, null, Ct);
        var b = await exporter.ExportIntoAsync(d, new SelectionRequest(year + 1, year + 1), folder, null, Ct);
        await using var c = await f.Database.OpenAsync(Ct);
        var province = await c.QueryFirstAsync<(string Code, string Name)>("select province_code, province from v_report_current order by province_code limit 1");
        var r = await exporter.ExportIntoAsync(d, new SelectionRequest(year, year, province.Code), folder, null, Ct);
        var county = await exporter.ExportIntoAsync(d, new SelectionRequest(year, year, province.Code, "county"), folder, null, Ct);

        Path.GetFileName(a.Path).ShouldBe($"地区对比_{year}_全部地区.xlsx");
        Path.GetFileName(b.Path).ShouldBe($"地区对比_{year + 1}_全部地区.xlsx");
        Path.GetFileName(r.Path).ShouldBe($"地区对比_{year}_{province.Name}_{province.Code}.xlsx");
        Path.GetFileName(county.Path).ShouldBe($"地区对比_{year}_{province.Name}_{province.Code}_县级.xlsx");
        Directory.GetFiles(folder, "*.xlsx").Length.ShouldBe(4);
    }

    [Fact]
    public async Task Summary_sheets_print_on_A4_legibly_with_the_chart_below_the_tables_and_a_print_area_per_block()
    {
        var pdf = Path.Combine(f.Folder, "print");
        await Soffice.ConvertAsync(f.Results.Values.Select(r => r.Path).ToList(), "pdf", pdf, TimeSpan.FromMinutes(3), Ct);
        foreach (var (name, result) in f.Results)
        {
            var dashboard = f.Catalog.Find(name)!;
            var file = Path.Combine(pdf, name + ".pdf");
            var pages = Pages(file);
            pages.ShouldAllBe(p => Math.Abs(p.Width - 841.9) < 1 && Math.Abs(p.Height - 595.3) < 1, $"{name}: A4 landscape");
            foreach (var sheet in dashboard.Sheets)
            {
                // The sheet's heading "标题 · 表名" is 14 pt: as printed it keeps at least 60% of that (body text 6 pt or more).
                var page = pages.FirstOrDefault(p => p.Words.Select((w, i) => (w, i)).Any(x => x.w.Text == "·" && x.i > 0 && p.Words[x.i - 1].Text == dashboard.Title && x.i + 1 < p.Words.Count && p.Words[x.i + 1].Text == sheet.Name))
                    .ShouldNotBeNull($"{name} {sheet.Name}: no page with the sheet's heading");
                var heading = page.Words.First(w => w.Text == sheet.Name && w.X > page.Words.First(x => x.Text == "·").X);
                var scale = heading.Width / (sheet.Name.Length * 14.0);
                scale.ShouldBeGreaterThanOrEqualTo(0.6, $"{name} {sheet.Name}: printed at {scale:P0}");

                var tables = result.Tables.Where(t => t.Sheet == sheet.Name && !t.IsData).ToList();
                var areas = Workbooks.PrintAreas(result.Path, sheet.Name);
                areas.Count.ShouldBe(tables.Count + (sheet.Chart is null ? 0 : 1), $"{name} {sheet.Name}: a print area per table and the chart");
                if (sheet.Chart is not null && result.ChartImages.Any(x => x.Sheet == sheet.Name))
                {
                    var lastRow = tables.Where(t => t.Rows > 0).Max(t => Workbooks.Table(result.Path, t.Sheet, t.Name).LastRow);
                    Workbooks.PictureRows(result.Path, sheet.Name).ShouldHaveSingleItem().ShouldBeGreaterThan(lastRow, $"{name} {sheet.Name}: the chart is below the tables");
                }
            }
        }
    }

    private sealed record Word(string Text, double X, double Width);

    private sealed record Page(double Width, double Height, List<Word> Words);

    /// <summary>A PDF's pages and their words with their place, as pdftotext -bbox gives them.</summary>
    private static List<Page> Pages(string pdf)
    {
        var start = new System.Diagnostics.ProcessStartInfo("pdftotext") { RedirectStandardOutput = true };
        foreach (var a in new[] { "-bbox", pdf, "-" }) start.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(start)!;
        var html = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var pages = new List<Page>();
        foreach (Match m in Regex.Matches(html, @"<page width=""([\d.]+)"" height=""([\d.]+)"">(.*?)</page>", RegexOptions.Singleline))
        {
            var words = Regex.Matches(m.Groups[3].Value, @"<word xMin=""([\d.]+)"" yMin=""[\d.]+"" xMax=""([\d.]+)"" yMax=""[\d.]+"">([^<]*)</word>")
                .Select(w => new Word(System.Net.WebUtility.HtmlDecode(w.Groups[3].Value), D(w.Groups[1].Value), D(w.Groups[2].Value) - D(w.Groups[1].Value)))
                .ToList();
            pages.Add(new Page(D(m.Groups[1].Value), D(m.Groups[2].Value), words));
        }

        return pages;

        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    }
}
