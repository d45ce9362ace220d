using System.Globalization;
using ClosedXML.Excel;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export;

/// <summary>
/// Writes a dashboard's workbook with ClosedXML: a cover, then for each dashboard sheet a
/// summary sheet (tables computed in SQL, readable without refresh, and a chart), a data sheet
/// of detail rows as an Excel table, and a PivotTable over it (ClosedXML writes its cache
/// empty and asks Excel to refresh on open). Column widths are set here: ClosedXML's
/// AdjustToContents needs libgdiplus.
/// </summary>
public static class WorkbookWriter
{
    public const int FirstTableRow = 5;
    public const int ChartGapColumns = 1;
    private const string NoData = "（所选范围内没有数据）";
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor Grey = XLColor.FromHtml("#595959");

    /// <summary>Where each chart goes: the sheet's position in the workbook (1-based), its top-left cell (0-based column and row).</summary>
    public sealed record ChartPlacement(int SheetPosition, string SheetName, int Column, int Row, byte[] Png);

    /// <summary>Writes the workbook to <paramref name="path"/>; returns where its charts go (added afterwards, see <see cref="PictureInserter"/>).</summary>
    public static IReadOnlyList<ChartPlacement> Write(WorkbookModel model, string path)
    {
        using var wb = new XLWorkbook();
        wb.Properties.Title = model.Dashboard.Title;
        wb.Properties.Author = "Warehouse";
        wb.Properties.Created = model.GeneratedAt.LocalDateTime;
        wb.Style.Font.FontName = "Noto Sans CJK SC";
        wb.Style.Font.FontSize = 10;

        Cover(wb.Worksheets.Add(DashboardChecker.CoverSheet), model);
        var charts = new List<ChartPlacement>();
        foreach (var sheet in model.Sheets)
        {
            var ws = wb.Worksheets.Add(sheet.Spec.Name);
            var lastColumn = Summary(ws, sheet, model);
            if (sheet.Chart is { } png) charts.Add(new ChartPlacement(ws.Position, ws.Name, lastColumn + ChartGapColumns, FirstTableRow - 1, png));
            if (sheet.Data is { } data && sheet.Spec.Data is { } dataSpec)
            {
                var dws = wb.Worksheets.Add(dataSpec.Sheet);
                var name = DataTableName(model.Dashboard, sheet.Spec);
                var table = DataSheet(dws, data, name);
                if (table is not null && sheet.Spec.Pivot is { } pivot)
                {
                    Pivot(wb.Worksheets.Add(PivotSheetName(sheet.Spec)), pivot, table, data, dataSpec.Sheet, name.Replace("data_", "pivot_", StringComparison.Ordinal));
                }
            }
        }

        foreach (var ws in wb.Worksheets)
        {
            // Printed (or converted to PDF) a sheet is as wide as a landscape page, however long.
            ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
            ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
            ws.PageSetup.FitToPages(1, 0);
        }

        wb.Worksheet(1).SetTabActive();
        wb.SaveAs(path, new SaveOptions { ValidatePackage = false, EvaluateFormulasBeforeSaving = false });
        return charts;
    }

    /// <summary>The Excel table of a sheet's detail rows: data_1 for the dashboard's first sheet, and so on.</summary>
    public static string DataTableName(Dashboard dashboard, SheetSpec sheet) => $"data_{dashboard.Sheets.ToList().IndexOf(sheet) + 1}";

    public static string PivotSheetName(SheetSpec sheet) => sheet.Name.Length <= 28 ? sheet.Name + "透视表" : sheet.Name[..28] + "透视表";

    private static void Cover(IXLWorksheet ws, WorkbookModel m)
    {
        const double wide = 100;
        var s = m.Selection;
        ws.Column(1).Width = 16;
        ws.Column(2).Width = wide;
        ws.Cell(1, 1).SetValue(m.Dashboard.Title).Style.Font.SetBold().Font.SetFontSize(18);
        var row = 2;

        // Long text goes in column B, wrapped, with its row made tall enough: wrapped rows are
        // not measured by every reader, and text overflowing the used columns prints on a page of its own.
        void Text(int r, string text, XLColor? colour = null)
        {
            var cell = ws.Cell(r, 2);
            cell.SetValue(text).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            if (colour is not null) cell.Style.Font.SetFontColor(colour);
            ws.Row(r).Height = 15 * Math.Max(1, Math.Ceiling(Display(text) / (wide - 4)));
        }

        if (m.Dashboard.Description is { } description) Text(row, description, Grey);
        row = 4;
        void Line(string key, string value)
        {
            ws.Cell(row, 1).SetValue(key).Style.Font.SetBold().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            Text(row, value);
            row++;
        }

        Line("年度", s.YearsText);
        if (m.Dashboard.Filters.Region) Line("地区", s.RegionText);
        if (m.Dashboard.Filters.Level) Line("层级", $"{Selection.LevelName(s.Level)}（各行为{Selection.LevelName(s.Level)}地区）");
        if (m.Dashboard.Filters.AgencyType) Line("机关类型", s.AgencyType ?? "全部");
        Line("生成时间", m.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）");
        var f = m.Freshness;
        Line("数据截至", f.Reports == 0
            ? "数据仓库中尚无报告"
            : $"已载入 {f.Reports:N0} 份现行报告（{f.FirstYear}–{f.LastYear} 年度），最近一次载入 {f.LatestLoad ?? "—"}");
        Line("数据来源", m.Source);
        row++;
        ws.Cell(row++, 1).SetValue("各表行数").Style.Font.SetBold().Font.SetFontSize(12);
        foreach (var sheet in m.Sheets)
        {
            foreach (var t in sheet.Tables) Line(sheet.Spec.Name, $"{t.Caption ?? t.Name}：{t.Rows.Count:N0} 行");
            if (sheet.Data is { } d && sheet.Spec.Data is { } ds) Line(ds.Sheet, $"明细：{d.Rows.Count:N0} 行{(sheet.Spec.Pivot is null ? "" : $"，数据透视表见“{PivotSheetName(sheet.Spec)}”")}");
        }

        if (m.Sheets.All(x => x.Tables.All(t => t.Rows.Count == 0)))
        {
            row++;
            ws.Cell(row, 1).SetValue("没有数据").Style.Font.SetBold().Font.SetFontColor(XLColor.FromHtml("#C00000"));
            Text(row++, "所选范围内没有数据：没有符合所选年度、地区和机关类型的报告。各表只有表头。", XLColor.FromHtml("#C00000"));
        }

        row++;
        ws.Cell(row++, 1).SetValue("阅读说明").Style.Font.SetBold().Font.SetFontSize(12);
        string[] notes =
        [
            "汇总表的数值由数据仓库的视图直接计算，任何表格软件打开即可阅读，无需刷新。",
            "数据透视表基于明细表（“…数据”工作表），Excel 打开时会自动刷新；可拖动字段重新透视。",
            "比率按汇总后的分子、分母计算；分母为零时留空（不是 0）。",
            "受理申请少于 30 件的比率照常显示，但不参与排名。",
            "红色、黄色底纹标出低于（或高于）仪表板文件中设定阈值的指标，以及逾期、未发布的报告。",
            "“全部”机关类型为各类机关合计；机关类型按机关名称结尾判断（人民政府、政府办公室、乡镇街道、政府部门）。",
        ];
        foreach (var note in notes) Text(row++, "· " + note);
    }

    /// <summary>The summary sheet; returns the last column its tables use.</summary>
    private static int Summary(IXLWorksheet ws, SheetResult sheet, WorkbookModel m)
    {
        var s = m.Selection;
        ws.Cell(1, 1).SetValue($"{m.Dashboard.Title} · {sheet.Spec.Name}").Style.Font.SetBold().Font.SetFontSize(14);
        var filters = new List<string> { $"年度 {s.YearsText}" };
        if (m.Dashboard.Filters.Region) filters.Add($"地区 {s.RegionText}");
        if (m.Dashboard.Filters.Level) filters.Add($"层级 {Selection.LevelName(s.Level)}");
        if (m.Dashboard.Filters.AgencyType) filters.Add($"机关类型 {s.AgencyType ?? "全部"}");
        ws.Cell(2, 1).SetValue(string.Join(" ｜ ", filters)).Style.Font.SetFontColor(Grey);
        if (sheet.Spec.About is { } about) ws.Cell(3, 1).SetValue(about).Style.Font.SetFontColor(Grey).Font.SetItalic();

        var widths = new Dictionary<int, double>();
        var row = FirstTableRow;
        var lastColumn = 1;
        var frozen = false;
        foreach (var t in sheet.Tables)
        {
            ws.Cell(row, 1).SetValue(t.Caption ?? t.Name).Style.Font.SetBold().Font.SetFontSize(12);
            row++;
            if (t.Rows.Count == 0)
            {
                Header(ws, row, t.Columns);
                ws.Cell(row + 1, 1).SetValue(NoData).Style.Font.SetFontColor(Grey);
                Measure(widths, t, 1);
                row += 4;
                continue;
            }

            var table = Fill(ws, row, t);
            Formats(ws, row, t);
            Measure(widths, t, 1);
            lastColumn = Math.Max(lastColumn, t.Columns.Count);
            if (!frozen)
            {
                ws.SheetView.FreezeRows(row);
                frozen = true;
            }

            _ = table;
            row += t.Rows.Count + 4;
        }

        Widths(ws, widths);
        return lastColumn;
    }

    private static IXLTable? DataSheet(IXLWorksheet ws, TableResult data, string name)
    {
        if (data.Rows.Count == 0)
        {
            Header(ws, 1, data.Columns);
            ws.Cell(2, 1).SetValue(NoData).Style.Font.SetFontColor(Grey);
            var empty = new Dictionary<int, double>();
            Measure(empty, data, 1);
            Widths(ws, empty);
            return null;
        }

        var table = Fill(ws, 1, data with { Name = name });
        Formats(ws, 1, data);
        ws.SheetView.FreezeRows(1);
        var widths = new Dictionary<int, double>();
        Measure(widths, data, 1);
        Widths(ws, widths);
        return table;
    }

    private static void Pivot(IXLWorksheet ws, PivotSpec spec, IXLTable source, TableResult data, string dataSheet, string name)
    {
        ws.Cell(1, 1).SetValue($"数据透视表：数据来自“{dataSheet}”工作表，Excel 打开时自动刷新；可拖动字段重新透视。").Style.Font.SetFontColor(Grey);
        var pt = ws.PivotTables.Add(name, ws.Cell(3, 1), source);
        string Caption(string field) => data.Columns.First(c => c.Field == field).Caption;
        foreach (var f in spec.Filters) pt.ReportFilters.Add(Caption(f));
        foreach (var f in spec.Rows) pt.RowLabels.Add(Caption(f));
        foreach (var f in spec.Columns) pt.ColumnLabels.Add(Caption(f));
        foreach (var v in spec.Values)
        {
            var value = pt.Values.Add(Caption(v.Field), $"{AggregateName(v.Aggregate)}：{v.Caption}");
            value.SetSummaryFormula(v.Aggregate switch
            {
                "count" => XLPivotSummary.Count,
                "average" => XLPivotSummary.Average,
                "min" => XLPivotSummary.Minimum,
                "max" => XLPivotSummary.Maximum,
                _ => XLPivotSummary.Sum,
            });
            value.NumberFormat.SetFormat(NumberFormat(v.Format, v.Field, typeof(long)));
        }

        pt.RefreshDataOnOpen = true;
        // ClosedXML's "columns" are OOXML's colGrandTotals: the total column at the right, across each row.
        pt.ShowGrandTotalsColumns = spec.TotalColumn;
        pt.ShowGrandTotalsRows = true;
        ws.Column(1).Width = 24;
        for (var c = 2; c <= 12; c++) ws.Column(c).Width = 14;
    }

    private static string AggregateName(string aggregate) => aggregate switch
    {
        "count" => "计数",
        "average" => "平均",
        "min" => "最小",
        "max" => "最大",
        _ => "求和",
    };

    private static void Header(IXLWorksheet ws, int row, IReadOnlyList<OutputColumn> columns)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = ws.Cell(row, c + 1);
            cell.SetValue(columns[c].Caption);
            cell.Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill);
        }
    }

    /// <summary>Header and rows from <paramref name="row"/>, made an Excel table (with its autofilter).</summary>
    private static IXLTable Fill(IXLWorksheet ws, int row, TableResult t)
    {
        Header(ws, row, t.Columns);
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var values = t.Rows[r];
            for (var c = 0; c < values.Length; c++)
            {
                var v = values[c];
                if (v is null) continue;
                var cell = ws.Cell(row + 1 + r, c + 1);
                switch (v)
                {
                    case string text when t.Columns[c].Format == "date" && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                        cell.SetValue(date);
                        break;
                    case string text:
                        cell.SetValue(text);
                        break;
                    case long or int or short or byte:
                        cell.SetValue(Convert.ToInt64(v, CultureInfo.InvariantCulture));
                        break;
                    case DateTime dt:
                        cell.SetValue(dt);
                        break;
                    default:
                        cell.SetValue(Convert.ToDouble(v, CultureInfo.InvariantCulture));
                        break;
                }
            }
        }

        var range = ws.Range(row, 1, row + t.Rows.Count, t.Columns.Count);
        var table = range.CreateTable(t.Name);
        table.Theme = XLTableTheme.TableStyleLight9;
        table.ShowAutoFilter = true;
        table.ShowRowStripes = true;
        return table;
    }

    private static void Formats(IXLWorksheet ws, int headerRow, TableResult t)
    {
        var first = headerRow + 1;
        var last = headerRow + t.Rows.Count;
        if (t.Rows.Count == 0) return;
        for (var c = 0; c < t.Columns.Count; c++)
        {
            var column = t.Columns[c];
            var type = t.Rows.Select(r => r[c]).FirstOrDefault(v => v is not null)?.GetType() ?? typeof(string);
            var range = ws.Range(first, c + 1, last, c + 1);
            range.Style.NumberFormat.Format = NumberFormat(column.Format, column.Field, type);
            if (column.Spec?.Thresholds is { } th) Alerts(range, th);
            if (column.Spec?.Highlight is { } highlight)
            {
                var whole = ws.Range(first, 1, last, t.Columns.Count);
                var letter = ws.Column(c + 1).ColumnLetter();
                foreach (var (value, colour) in highlight)
                {
                    whole.AddConditionalFormat().WhenIsTrue($"=${letter}{first}=\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")
                        .Fill.SetBackgroundColor(XLColor.FromHtml(Fills.Html(colour)));
                }
            }
        }
    }

    /// <summary>Red, then yellow; blanks (rates with a zero denominator) are never coloured.</summary>
    private static void Alerts(IXLRange range, Thresholds th)
    {
        var a = range.FirstCell().Address.ToStringRelative();
        string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var red = XLColor.FromHtml(Fills.Html("red"));
        var yellow = XLColor.FromHtml(Fills.Html("yellow"));
        if (th.RedBelow is { } rb) range.AddConditionalFormat().WhenIsTrue($"=AND(ISNUMBER({a}),{a}<{N(rb)})").Fill.SetBackgroundColor(red);
        if (th.YellowBelow is { } yb) range.AddConditionalFormat().WhenIsTrue($"=AND(ISNUMBER({a}),{a}<{N(yb)}{(th.RedBelow is { } r1 ? $",{a}>={N(r1)}" : "")})").Fill.SetBackgroundColor(yellow);
        if (th.RedAbove is { } ra) range.AddConditionalFormat().WhenIsTrue($"=AND(ISNUMBER({a}),{a}>{N(ra)})").Fill.SetBackgroundColor(red);
        if (th.YellowAbove is { } ya) range.AddConditionalFormat().WhenIsTrue($"=AND(ISNUMBER({a}),{a}>{N(ya)}{(th.RedAbove is { } r2 ? $",{a}<={N(r2)}" : "")})").Fill.SetBackgroundColor(yellow);
    }

    public static string NumberFormat(string? format, string field, Type type) => format switch
    {
        "count" => "#,##0",
        "number" => "#,##0.##",
        "percent" => "0.0%",
        "ratio" => "0.00",
        "year" => "0",
        "date" => "yyyy-mm-dd",
        "text" => "@",
        not null => format,
        null when field == "year" || field.EndsWith("_code", StringComparison.Ordinal) => "0",
        null when DashboardChecker.IsRate(field) => "0.0%",
        null when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "#,##0.00",
        null when type == typeof(string) => "@",
        _ => "#,##0",
    };

    private static void Measure(Dictionary<int, double> widths, TableResult t, int firstColumn)
    {
        for (var c = 0; c < t.Columns.Count; c++)
        {
            var column = t.Columns[c];
            double width;
            if (column.Spec?.Width is { } given)
            {
                width = given;
            }
            else
            {
                width = Display(column.Caption) + 3;
                foreach (var r in t.Rows.Take(2000)) width = Math.Max(width, Display(r[c]) + 2);
            }

            var key = firstColumn + c;
            widths[key] = Math.Min(60, Math.Max(widths.GetValueOrDefault(key), Math.Max(6, width)));
        }
    }

    private static void Widths(IXLWorksheet ws, Dictionary<int, double> widths)
    {
        foreach (var (column, width) in widths) ws.Column(column).Width = width;
    }

    /// <summary>Rough display width in Excel character units: CJK characters take two.</summary>
    private static double Display(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("#,##0.00", CultureInfo.InvariantCulture),
            long l => l.ToString("#,##0", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.Sum(ch => ch >= 0x2E80 ? 2.0 : 1.0);
    }
}
