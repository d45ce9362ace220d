using System.Globalization;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Shouldly;
using SkiaSharp;
using Warehouse.Export.Dashboards;
using Warehouse.Office;

namespace Warehouse.Export.Tests;

/// <summary>The standard workbooks, exported from a loaded warehouse, checked as users and their tools see them.</summary>
public sealed partial class ExportTests(ExportFixture f) : IClassFixture<ExportFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_workbook_of_the_standard_set_passes_the_Open_XML_validator()
    {
        f.Results.Keys.ShouldBe(DashboardCatalog.Standard, ignoreOrder: true);
        foreach (var (name, result) in f.Results)
        {
            using var doc = SpreadsheetDocument.Open(result.Path, isEditable: false);
            var errors = new OpenXmlValidator().Validate(doc, Ct).ToList();
            errors.ShouldBeEmpty($"{name}: " + string.Join("; ", errors.Take(5).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        }
    }

    [Fact]
    public async Task Every_table_read_back_by_LibreOffice_equals_its_query_run_directly()
    {
        await using var c = await f.Database.OpenAsync(Ct);
        var compared = 0;
        foreach (var (name, result) in f.Results)
        {
            foreach (var t in result.Tables)
            {
                var expected = new List<object?[]>();
                await using (var reader = await c.ExecuteReaderAsync(new CommandDefinition(t.Query.Sql, t.Query.Parameters, cancellationToken: Ct)))
                {
                    while (await reader.ReadAsync(Ct))
                    {
                        var values = new object?[reader.FieldCount];
                        reader.GetValues(values!);
                        expected.Add(values.Select(v => v is DBNull ? null : v).ToArray());
                    }
                }

                expected.Count.ShouldBe(t.Rows, $"{name} {t.Sheet} {t.Name}");
                var csv = Csv.Read(f.Csv(name, t.Sheet));
                if (t.Rows == 0)
                {
                    csv.ShouldContain(r => r.Length > 0 && r[0] == "（所选范围内没有数据）", $"{name} {t.Sheet} {t.Name} is empty and says so");
                    continue;
                }

                var range = Workbooks.Table(result.Path, t.Sheet, t.Name);
                range.FirstColumn.ShouldBe(1);
                range.LastColumn.ShouldBe(t.Query.Columns.Count);
                var header = csv[range.FirstRow - 1];
                header.Take(t.Query.Columns.Count).ShouldBe(t.Query.Columns.Select(x => x.Caption), $"{name} {t.Sheet} {t.Name} header");
                range.LastRow.ShouldBe(range.FirstRow + expected.Count);
                for (var r = 0; r < expected.Count; r++)
                {
                    var row = csv[range.FirstRow + r];
                    for (var col = 0; col < expected[r].Length; col++)
                    {
                        Same(expected[r][col], row[col]).ShouldBeTrue($"{name} {t.Sheet} {t.Name} row {r + 1} column {t.Query.Columns[col].Caption}: SQL {expected[r][col]} but LibreOffice read '{row[col]}'");
                    }
                }

                compared++;
            }
        }

        compared.ShouldBeGreaterThanOrEqualTo(12, "every standard dashboard has non-empty tables and data sheets");
    }

    [Fact]
    public void Pivot_tables_point_at_their_data_sheet_range_and_fields_and_refresh_on_open()
    {
        var pivots = 0;
        foreach (var (name, result) in f.Results)
        {
            var dashboard = f.Catalog.Find(name)!;
            using var doc = SpreadsheetDocument.Open(result.Path, isEditable: false);
            var workbook = doc.WorkbookPart!;
            foreach (var sheet in dashboard.Sheets.Where(s => s.Pivot is not null))
            {
                var data = result.Tables.Single(t => t.IsData && t.Sheet == sheet.Data!.Sheet);
                var table = Workbooks.Table(result.Path, data.Sheet, data.Name);
                var captions = data.Query.Columns.Select(c => c.Caption).ToList();

                var pivotSheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == WorkbookWriter.PivotSheetName(sheet));
                var part = (WorksheetPart)workbook.GetPartById(pivotSheet.Id!);
                var pivot = part.PivotTableParts.Single();
                var cache = pivot.PivotTableCacheDefinitionPart!.PivotCacheDefinition;
                (cache.RefreshOnLoad?.Value ?? false).ShouldBe(true, $"{name} {sheet.Name}: the cache is written empty and refreshed when opened");
                var source = cache.CacheSource!.WorksheetSource!;
                if (source.Name?.Value is { } tableName)
                {
                    tableName.ShouldBe(data.Name);
                }
                else
                {
                    source.Sheet!.Value.ShouldBe(data.Sheet);
                    source.Reference!.Value.ShouldBe(table.Reference);
                }

                table.LastRow.ShouldBe(data.Rows + 1, "the data range holds the header and every detail row");
                cache.CacheFields!.Elements<DocumentFormat.OpenXml.Spreadsheet.CacheField>().Select(x => x.Name!.Value).ShouldBe(captions);

                var definition = pivot.PivotTableDefinition;
                string Field(int index) => captions[index];
                var spec = sheet.Pivot!;
                string Caption(string field) => data.Query.Columns.Single(c => c.Field == field).Caption;
                definition.RowFields!.Elements<DocumentFormat.OpenXml.Spreadsheet.Field>().Select(x => Field(x.Index!.Value)).ShouldBe(spec.Rows.Select(Caption));
                definition.ColumnFields!.Elements<DocumentFormat.OpenXml.Spreadsheet.Field>().Where(x => x.Index!.Value >= 0).Select(x => Field(x.Index!.Value)).ShouldBe(spec.Columns.Select(Caption));
                definition.DataFields!.Elements<DocumentFormat.OpenXml.Spreadsheet.DataField>().Select(x => Field((int)x.Field!.Value)).ShouldBe(spec.Values.Select(v => Caption(v.Field)));
                (definition.PageFields?.Elements<DocumentFormat.OpenXml.Spreadsheet.PageField>().Select(x => Field(x.Field!.Value)) ?? []).ShouldBe(spec.Filters.Select(Caption));
                pivots++;
            }
        }

        pivots.ShouldBe(f.Catalog.Dashboards.Where(d => DashboardCatalog.Standard.Contains(d.Name)).Sum(d => d.Sheets.Count(s => s.Pivot is not null)));
    }

    [Fact]
    public void Every_pivot_computed_by_LibreOffice_has_the_totals_of_the_summary_sheet_where_reports_are_broken()
    {
        // Broken reports state totals that differ from their parts: the matrix's （七）总计 then
        // differs from the pivot's sum of the outcomes, as it should (PivotTests checks 办理结果 on
        // reports that add up); every other pivot agrees with its summary sheet to the unit.
        PivotTests.Check(f, skip: "disposal-results").ShouldBe(PivotTests.All(skip: "disposal-results"), ignoreOrder: true);
    }

    [Fact]
    public void Charts_are_non_blank_PNGs_drawn_in_a_CJK_font_that_has_every_glyph_of_their_labels()
    {
        var charts = 0;
        foreach (var (name, result) in f.Results)
        {
            result.Warnings.ShouldBeEmpty(name);
            using var doc = SpreadsheetDocument.Open(result.Path, isEditable: false);
            var images = doc.WorkbookPart!.WorksheetParts.Where(w => w.DrawingsPart is not null).SelectMany(w => w.DrawingsPart!.ImageParts).ToList();
            images.Count.ShouldBe(result.Charts, name);
            foreach (var image in images)
            {
                using var stream = image.GetStream();
                using var bitmap = SKBitmap.Decode(stream);
                bitmap.Width.ShouldBe(ChartRenderer.Width);
                var ink = 0;
                var colours = new HashSet<SKColor>();
                for (var y = 0; y < bitmap.Height; y += 2)
                {
                    for (var x = 0; x < bitmap.Width; x += 2)
                    {
                        var p = bitmap.GetPixel(x, y);
                        if (p.Red < 200 || p.Green < 200 || p.Blue < 200) ink++;
                        colours.Add(p);
                    }
                }

                (ink / (bitmap.Width * bitmap.Height / 4.0)).ShouldBeGreaterThan(0.02, $"{name}: the chart has bars or lines, not just a frame");
                colours.Count.ShouldBeGreaterThan(8, name);
                charts++;
            }

            var dashboard = f.Catalog.Find(name)!;
            foreach (var sheet in dashboard.Sheets.Where(s => s.Chart is not null))
            {
                ChartFont.Missing(sheet.Chart!.Title).ShouldBeEmpty($"{name}: {sheet.Chart.Title}");
                var table = result.Tables.Single(t => t.Name == sheet.Chart.Table);
                var category = table.Query.Columns.ToList().FindIndex(c => c.Field == sheet.Chart.Category);
                var range = Workbooks.Table(result.Path, table.Sheet, table.Name);
                var csv = Csv.Read(f.Csv(name, table.Sheet));
                for (var r = range.FirstRow; r < range.LastRow; r++) ChartFont.Missing(csv[r][category]).ShouldBeEmpty(csv[r][category]);
            }
        }

        charts.ShouldBe(4);
    }

    [Fact]
    public async Task A_summary_sheet_printed_by_LibreOffice_carries_its_Chinese_text()
    {
        var pdf = Path.Combine(f.Folder, "pdf");
        await Soffice.ConvertAsync([f.Results["filing-status"].Path], "pdf", pdf, TimeSpan.FromMinutes(3), Ct);
        var text = Pdftotext(Path.Combine(pdf, "filing-status.pdf"));
        text.ShouldContain("各机关报送情况");
        text.ShouldContain("未发布");
        text.ShouldContain("阅读说明");
    }

    [Fact]
    public void Supervisors_see_every_withheld_report_as_missing_and_highlighted()
    {
        var result = f.Results["filing-status"];
        var rows = Rows(result, "filing_agencies");
        var status = rows.Header.IndexOf("状态");
        rows.Data.Count(r => r[status] == "未发布").ShouldBe(f.Withheld);
        var formulas = Workbooks.ConditionalFormulas(result.Path, "报送情况");
        formulas.ShouldContain(v => v.Contains("\"未发布\"", StringComparison.Ordinal));
        formulas.ShouldContain(v => v.Contains("\"逾期发布\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Rankings_leave_out_rates_over_fewer_than_30_applications()
    {
        var rows = Rows(f.Results["region-comparison"], "region_ranking");
        var rank = rows.Header.IndexOf("名次");
        var handled = rows.Header.IndexOf("受理申请数");
        rows.Data.ShouldNotBeEmpty();
        foreach (var r in rows.Data.Where(r => (r[handled] == "" ? 0 : double.Parse(r[handled], CultureInfo.InvariantCulture)) < 30)) r[rank].ShouldBe("", string.Join(",", r));
        rows.Data.Count(r => r[rank] != "").ShouldBeGreaterThan(0);
    }

    /// <summary>A table's header and rows as LibreOffice read them.</summary>
    private (List<string> Header, List<string[]> Data) Rows(ExportResult result, string table)
    {
        var t = result.Tables.Single(x => x.Name == table);
        var name = f.Results.Single(x => x.Value == result).Key;
        var range = Workbooks.Table(result.Path, t.Sheet, t.Name);
        var csv = Csv.Read(f.Csv(name, t.Sheet));
        return (csv[range.FirstRow - 1].ToList(), csv.Skip(range.FirstRow).Take(range.LastRow - range.FirstRow).ToList());
    }

    [Fact]
    public async Task An_empty_selection_gives_a_workbook_that_says_so()
    {
        await using var c = await f.Database.OpenAsync(Ct);
        var empty = await c.ExecuteScalarAsync<string>(
            "select region_code from dim_region where level = 'province' and region_code not in (select province_code from v_report_current where province_code is not null) order by region_code limit 1");
        var path = Path.Combine(f.Folder, "empty", "地区对比.xlsx");
        var result = await new Exporter(f.Database, TimeProvider.System).ExportAsync(f.Catalog.Find("region-comparison")!, new SelectionRequest(Region: empty), path, null, Ct);
        result.Tables.ShouldAllBe(t => t.Rows == 0);
        using var wb = new ClosedXML.Excel.XLWorkbook(path);
        wb.Worksheet(DashboardChecker.CoverSheet).CellsUsed().Select(x => x.GetString()).ShouldContain(s => s.Contains("所选范围内没有数据", StringComparison.Ordinal));
        wb.Worksheet("地区对比").CellsUsed().Select(x => x.GetString()).ShouldContain("（所选范围内没有数据）");
    }

    [Fact]
    public async Task A_region_not_in_the_division_list_is_a_clear_error_and_nothing_is_written()
    {
        var path = Path.Combine(f.Folder, "bad-region", "x.xlsx");
        var e = await Should.ThrowAsync<SelectionException>(() =>
            new Exporter(f.Database, TimeProvider.System).ExportAsync(f.Catalog.Find("region-comparison")!, new SelectionRequest(Region: "99"), path, null, Ct));
        e.Message.ShouldContain("--region 99 is not a region code");
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task A_failed_export_leaves_the_previous_workbook_and_no_temporary_file()
    {
        var dir = Directory.CreateDirectory(Path.Combine(f.Folder, "failed"));
        var path = Path.Combine(dir.FullName, "年度对比.xlsx");
        await File.WriteAllTextAsync(path, "the previous workbook", Ct);

        // A dashboard that names a view the warehouse lacks fails before writing.
        var (broken, _) = DashboardReader.Parse(File.ReadAllText(Path.Combine(Repo.Root, "dashboards", "year-comparison.yaml")).Replace("view: v_agency_yoy", "view: v_agency_yo", StringComparison.Ordinal), "year-comparison.yaml");
        await Should.ThrowAsync<DashboardException>(() => new Exporter(f.Database, TimeProvider.System).ExportAsync(broken!, new SelectionRequest(), path, null, Ct));
        (await File.ReadAllTextAsync(path, Ct)).ShouldBe("the previous workbook");

        // A workbook that cannot be moved into place (a folder holds its name) fails after writing:
        // the temporary file goes too.
        var blocked = Directory.CreateDirectory(Path.Combine(dir.FullName, "blocked.xlsx")).FullName;
        await Should.ThrowAsync<IOException>(() => new Exporter(f.Database, TimeProvider.System).ExportAsync(f.Catalog.Find("year-comparison")!, new SelectionRequest(), blocked, null, Ct));
        dir.GetFiles().Select(x => x.Name).ShouldBe(["年度对比.xlsx"]);
    }

    private static bool Same(object? expected, string actual)
    {
        switch (expected)
        {
            case null:
                return actual.Length == 0;
            case string s when DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return actual == s || (double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && DateTime.FromOADate(serial) == date);
            case string s:
                return actual == s;
            case long or int:
                return long.TryParse(actual, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l == Convert.ToInt64(expected, CultureInfo.InvariantCulture);
            default:
                // LibreOffice writes a number in a percent format with its sign, even unformatted.
                var d = Convert.ToDouble(expected, CultureInfo.InvariantCulture);
                var percent = actual.EndsWith('%');
                return double.TryParse(actual.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                    && Math.Abs((percent ? a / 100 : a) - d) <= 1e-9 * Math.Max(1, Math.Abs(d));
        }
    }

    private static string Pdftotext(string pdf)
    {
        var start = new System.Diagnostics.ProcessStartInfo("pdftotext") { RedirectStandardOutput = true };
        start.ArgumentList.Add(pdf);
        start.ArgumentList.Add("-");
        using var p = System.Diagnostics.Process.Start(start)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
