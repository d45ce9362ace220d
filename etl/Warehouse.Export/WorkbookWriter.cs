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

    /// <summary>Rows of blank between the last table and the chart below it.</summary>
    public const int ChartGapRows = 2;

    /// <summary>The height of the rows a chart covers, in points (20 pixels): the chart's print area is counted in them.</summary>
    private const double ChartRowPoints = 15;
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
            var blocks = Summary(ws, sheet, model);
            if (sheet.Chart is { } png)
            {
                // Below the tables, not beside them: a page as wide as tables and chart together
                // prints both too small to read.
                var top = blocks[^1].LastRow + 1 + ChartGapRows;
                var rows = (int)Math.Ceiling(ChartRenderer.Height * 0.75 / ChartRowPoints) + 1;
                for (var r = top; r < top + rows; r++) ws.Row(r).Height = ChartRowPoints;
                charts.Add(new ChartPlacement(ws.Position, ws.Name, 0, top - 1, png));
                blocks.Add(new PrintBlock(top, top + rows - 1, ColumnsSpanning(ws, ChartRenderer.Width)));
            }

            // Each block (the heading with the first table, each further table, the chart) is a
            // print area of its own: printed from the top of a page, fitted to the page's width.
            foreach (var b in blocks) ws.PageSetup.PrintAreas.Add(b.FirstRow, 1, b.LastRow, b.LastColumn);
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
        if (m.Dashboard.Filters.Balanced)
        {
            Line("机关范围", s.Balanced
                ? $"只含 {s.YearsText} 每年都有报告的机关（平衡面板）：{m.PanelAgencies ?? 0:N0} 个机关；各年度的数字出自同一批机关，可以直接比较"
                : "各年度有报告的全部机关：各年度的机关数可能不同（见各表的机关数），年度间的变化可能来自机关增减；只比较每年都有报告的机关，导出时加 --balanced");
        }

        Line("生成时间", m.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）");
        var f = m.Freshness;
        Line("数据截至", f.Reports == 0
            ? "数据仓库中尚无报告"
            : $"已载入 {f.Reports:N0} 份现行报告（{f.FirstYear}–{f.LastYear} 年度），最近一次载入（采集或导入）{(f.LatestLoad is { } at ? at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（北京时间）" : "—")}");
        Line("数据来源", m.Source);
        foreach (var section in m.CoverSections)
        {
            row++;
            ws.Cell(row++, 1).SetValue(section.Title).Style.Font.SetBold().Font.SetFontSize(12);
            foreach (var (key, value) in section.Lines) Line(key, value);
        }

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

        var rates = RatesShown(m);
        if (rates.Count > 0)
        {
            row++;
            ws.Cell(row++, 1).SetValue("指标定义").Style.Font.SetBold().Font.SetFontSize(12);
            foreach (var (definition, captions) in rates)
            {
                var shownAs = captions.Where(c => c != definition.Name).ToList();
                Line(definition.Name, definition.Definition + (shownAs.Count == 0 ? "" : $"（表中记为：{string.Join("、", shownAs)}）") + (definition.Note is { } note ? "。" + note : "。"));
            }
        }

        var shading = Shading(m);
        if (shading.Count > 0)
        {
            row++;
            ws.Cell(row++, 1).SetValue("底纹说明").Style.Font.SetBold().Font.SetFontSize(12);
            foreach (var (key, text) in shading) Line(key, text);
        }

        row++;
        ws.Cell(row++, 1).SetValue("阅读说明").Style.Font.SetBold().Font.SetFontSize(12);
        string[] notes =
        [
            "汇总表的数值由数据仓库的视图直接计算，任何表格软件打开即可阅读，无需刷新。",
            "数据透视表基于明细表（“…数据”工作表），Excel 打开时会自动刷新；可拖动字段重新透视。明细表只含各组成部分，不含合计行、合计列，透视表的合计即各部分之和。",
            "比率按汇总后的分子、分母计算；分母为零时留空（不是 0）。两个比率之差以百分点表示，不是百分比。",
            "受理申请少于 30 件的比率照常显示，但不参与排名。",
            shading.Count > 0 ? "红色、黄色底纹按“底纹说明”的阈值标出偏低或偏高的指标；变化类指标上升和下降都标出。逾期、未发布的报告整行标色。" : "",
            "地区行是其下各机关报告之和：“报告机关数”为所含机关数，只由一个地区的报告构成的市、省行在“覆盖”列注明。",
            "“全部”机关类型为各类机关合计；机关类型按机关名称结尾判断（人民政府、政府办公室、乡镇街道、政府部门）。",
        ];
        foreach (var note in notes.Where(n => n.Length > 0)) Text(row++, "· " + note);
    }

    /// <summary>Each rate (or difference of rates) a sheet of the workbook shows, once, with the captions it is shown under.</summary>
    public static IReadOnlyList<(RateDefinition Definition, IReadOnlyList<string> Captions)> RatesShown(WorkbookModel m)
    {
        var shown = new List<(RateDefinition Definition, List<string> Captions)>();
        var columns = m.Sheets.SelectMany(s => s.Tables.SelectMany(t => t.Columns).Concat(s.Data?.Columns ?? []))
            .Where(c => c.Spec is not null)
            .Select(c => (Spec: c.Spec!, Caption: c.Field.StartsWith("spread", StringComparison.Ordinal) ? c.Spec!.Caption : c.Caption));
        foreach (var (spec, caption) in columns)
        {
            if (!Rates.NeedsDefinition(spec.Field, spec.Format)) continue;
            var definition = spec.Definition is { } own ? new RateDefinition(spec.Field, caption, own) : Rates.Find(spec.Field);
            if (definition is null) continue;
            var i = shown.FindIndex(x => x.Definition.Field == definition.Field);
            if (i < 0) shown.Add((definition, [caption]));
            else if (!shown[i].Captions.Contains(caption)) shown[i].Captions.Add(caption);
        }

        return shown.Select(x => (x.Definition, (IReadOnlyList<string>)x.Captions)).ToList();
    }

    /// <summary>Each shaded column of the summary sheets, by sheet and caption, with its bands in words.</summary>
    private static List<(string Key, string Text)> Shading(WorkbookModel m)
    {
        var lines = new List<(string Key, string Text)>();
        foreach (var sheet in m.Sheets)
        {
            foreach (var c in sheet.Spec.Tables.SelectMany(t => t.Columns).DistinctBy(c => c.Caption))
            {
                if (c.Thresholds is { } th)
                {
                    string V(double v) => c.Format == "percent" ? (v * 100).ToString("0.#;−0.#", CultureInfo.InvariantCulture) + "%"
                        : c.Field.EndsWith("_points", StringComparison.Ordinal) ? v.ToString("+0.#;−0.#;0", CultureInfo.InvariantCulture) + " 个百分点"
                        : v.ToString("#,##0.##", CultureInfo.InvariantCulture);
                    string Band(double? below, double? above) => string.Join(" 或 ", new[] { below is { } b ? $"低于 {V(b)}" : null, above is { } a ? $"高于 {V(a)}" : null }.OfType<string>());
                    var red = Band(th.RedBelow, th.RedAbove);
                    var yellow = Band(th.YellowBelow, th.YellowAbove);
                    lines.Add(($"{sheet.Spec.Name}", $"{c.Caption}：{string.Join("；", new[] { red.Length > 0 ? "红色 " + red : null, yellow.Length > 0 ? "黄色 " + yellow : null }.OfType<string>())}"));
                }

                if (c.Highlight is { } highlight)
                {
                    lines.Add(($"{sheet.Spec.Name}", $"{c.Caption}为{string.Join("、", highlight.Select(h => $"“{h.Key}”的行标{Fills.Chinese(h.Value)}"))}"));
                }
            }
        }

        return lines;
    }

    /// <summary>Rows and columns a summary sheet prints as one piece.</summary>
    private sealed record PrintBlock(int FirstRow, int LastRow, int LastColumn);

    /// <summary>How many columns from A cover <paramref name="pixels"/> (a column is 7 pixels a character and 5 of padding).</summary>
    private static int ColumnsSpanning(IXLWorksheet ws, int pixels)
    {
        var c = 0;
        for (double covered = 0; covered < pixels; c++) covered += (ws.Column(c + 1).Width * 7) + 5;
        return c;
    }

    /// <summary>The summary sheet; returns its print blocks: the heading with the first table, then each further table.</summary>
    private static List<PrintBlock> Summary(IXLWorksheet ws, SheetResult sheet, WorkbookModel m)
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
        var blocks = new List<PrintBlock>();
        var headers = new List<(int Row, IReadOnlyList<OutputColumn> Columns)>();
        var wrapped = new List<(int HeaderRow, TableResult Table)>();
        var row = FirstTableRow;
        var frozen = false;
        foreach (var t in sheet.Tables)
        {
            var first = blocks.Count == 0 ? 1 : row;
            ws.Cell(row, 1).SetValue(t.Caption ?? t.Name).Style.Font.SetBold().Font.SetFontSize(12);
            row++;
            Measure(widths, t, 1, wrapHeader: true);
            headers.Add((row, t.Columns));
            if (t.Rows.Count == 0)
            {
                Header(ws, row, t.Columns);
                ws.Cell(row + 1, 1).SetValue(NoData).Style.Font.SetFontColor(Grey);
                blocks.Add(new PrintBlock(first, row + 1, t.Columns.Count));
                row += 4;
                continue;
            }

            Fill(ws, row, t, links: true);
            Formats(ws, row, t);

            wrapped.Add((row, t));

            if (!frozen)
            {
                ws.SheetView.FreezeRows(row);
                frozen = true;
            }

            blocks.Add(new PrintBlock(first, row + t.Rows.Count, t.Columns.Count));
            row += t.Rows.Count + 4;
        }

        Widths(ws, widths);
        foreach (var (r, columns) in headers)
        {
            var lines = 1.0;
            for (var c = 0; c < columns.Count; c++)
            {
                ws.Cell(r, c + 1).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Bottom);
                lines = Math.Max(lines, Math.Ceiling(Display(columns[c].Caption) / Math.Max(1, ws.Column(c + 1).Width - 1)));
            }

            ws.Row(r).Height = 15 * lines;
        }

        // Long text (findings: columns given a width of 30 or more) wraps within its column, each
        // row as tall as its longest text: neither reader sizes rows when it opens a file. A link
        // does not wrap (a web address has nowhere to break); it is clicked, or read on screen.
        foreach (var (header, t) in wrapped)
        {
            // A rank, 序号, year or date is centred: right-aligned against the text beside it, the two read as one.
            foreach (var c in Enumerable.Range(0, t.Columns.Count).Where(c => t.Columns[c].Format is "0" or "year" or "date" && t.Rows.Count > 0))
            {
                ws.Range(header + 1, c + 1, header + t.Rows.Count, c + 1).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
            }

            var wide = Enumerable.Range(0, t.Columns.Count).Where(c => t.Columns[c].Spec?.Width is >= 30 && t.Columns[c].Format != "link").ToList();
            if (wide.Count == 0) continue;

            // A row taller than one line reads from its top in every cell, not only in the wrapped one.
            if (t.Rows.Count > 0) ws.Range(header + 1, 1, header + t.Rows.Count, t.Columns.Count).Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            foreach (var c in wide) ws.Range(header + 1, c + 1, header + t.Rows.Count, c + 1).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            for (var r = 0; r < t.Rows.Count; r++)
            {
                var lines = wide.Max(c => Math.Ceiling(Display(t.Rows[r][c]) / Math.Max(1, ws.Column(c + 1).Width - 2)));
                if (lines > 1) ws.Row(header + 1 + r).Height = 14 * lines;
            }
        }

        // The heading lines wrap within the first block's width, so that they print whole on its page.
        var headingColumns = blocks.Count == 0 ? 1 : blocks[0].LastColumn;
        var headingWidth = Enumerable.Range(1, headingColumns).Sum(c => ws.Column(c).Width);
        foreach (var r in new[] { 2, 3 })
        {
            var cell = ws.Cell(r, 1);
            if (cell.IsEmpty() || headingColumns < 2) continue;
            ws.Range(r, 1, r, headingColumns).Merge().Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            ws.Row(r).Height = 15 * Math.Max(1, Math.Ceiling(Display(cell.GetString()) / Math.Max(1, headingWidth - 2)));
        }

        if (blocks.Count == 0) blocks.Add(new PrintBlock(1, 3, 1));
        return blocks;
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
    /// <param name="links">Make a <c>link</c> column's web addresses clickable (summary tables; a data sheet of a million rows keeps them as text).</param>
    private static IXLTable Fill(IXLWorksheet ws, int row, TableResult t, bool links = false)
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
                    case string text when links && t.Columns[c].Format == "link" && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps):
                        cell.SetValue(text);
                        cell.Hyperlink = new XLHyperlink(uri);
                        cell.Style.Font.SetFontColor(XLColor.FromHtml("#0563C1")).Font.SetUnderline();
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
        "text" or "link" => "@",
        not null => format,
        null when field == "year" || field.EndsWith("_code", StringComparison.Ordinal) => "0",
        null when DashboardChecker.IsRate(field) => "0.0%",
        null when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "#,##0.00",
        null when type == typeof(string) => "@",
        _ => "#,##0",
    };

    /// <param name="wrapHeader">The header may wrap over three lines (summary tables: a column is as wide as its values, not its caption, so that a sheet prints legibly on A4).</param>
    private static void Measure(Dictionary<int, double> widths, TableResult t, int firstColumn, bool wrapHeader = false)
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
                width = wrapHeader ? Math.Ceiling(Display(column.Caption) / 3) + 2 : Display(column.Caption) + 3;
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
