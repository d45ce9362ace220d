using System.Globalization;
using Shouldly;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export.Tests;

/// <summary>
/// Every PivotTable of the standard workbooks as LibreOffice computes it when it opens them
/// (their caches are written empty and refreshed on open): its totals equal the summary sheet's,
/// which equal the views'. A pivot that summed a total with its parts (办理结果's did: the data
/// sheet held 本年新收, 上年结转, （七）总计, 结转下年度 and the 总计 column) is twice too big.
/// </summary>
public sealed class PivotTests(ConsistentExportFixture consistent) : IClassFixture<ConsistentExportFixture>
{
    /// <summary>What a pivot's totals must equal, read from its workbook's summary tables (as LibreOffice read them).</summary>
    private sealed record Expected(Dictionary<string, double> Columns, Dictionary<string, double> Rows, double Grand);

    /// <summary>Each pivot of the standard set: its dashboard and sheet, and its totals taken from the summary tables.</summary>
    private static readonly (string Dashboard, string Sheet, Func<Func<string, Table>, Expected> Totals)[] Pivots =
    [
        ("disposal-results", "办理结果", t =>
        {
            // Per applicant: the （七）总计 row of the matrix; per outcome: the 总计 column; in all: （七）总计 × 总计.
            var matrix = t("disposal_matrix");
            var totalRow = matrix.Data.Single(r => r[matrix.Column("办理结果")] == "（七）总计");
            var applicants = matrix.Header.Skip(2).Where(h => h != "总计").ToList();
            var totals = t("disposal_totals");
            var outcomes = totals.Data.Where(r => int.Parse(r[totals.Column("行")], CultureInfo.InvariantCulture) is >= 3 and <= 23);
            return new Expected(
                applicants.ToDictionary(a => a, a => Number(totalRow[matrix.Column(a)])),
                outcomes.ToDictionary(r => r[totals.Column("办理结果")], r => Number(r[totals.Column("件数")])),
                Number(totals.Data.Single(r => r[totals.Column("办理结果")] == "（七）总计")[totals.Column("件数")]));
        }),
        ("filing-status", "报送情况", t =>
        {
            var s = t("filing_summary");
            var statuses = s.Header.Skip(2).ToList();
            return new Expected(
                statuses.ToDictionary(x => x, x => s.Data.Sum(r => Number(r[s.Column(x)]))),
                s.Data.GroupBy(r => r[s.Column("地区")]).ToDictionary(g => g.Key, g => g.Sum(r => statuses.Sum(x => Number(r[s.Column(x)])))),
                t("filing_agencies").Data.Count);
        }),
        ("region-comparison", "地区对比", t => Sums(t("region_measures"), "年度", "地区", "受理申请数")),
        ("region-comparison", "不予公开理由", t => Sums(t("denied_reasons"), "年度", "不予公开理由", "件数")),
        ("year-comparison", "年度对比", t =>
        {
            var y = t("yearly_totals");
            var columns = y.Data.ToDictionary(r => r[y.Column("年度")], r => Number(r[y.Column("受理申请数")]));
            return new Expected(columns, [], columns.Values.Sum());
        }),
        ("year-comparison", "跨年度勾稽", t =>
        {
            // Breaks counted column by column, the 总计 column one of them; no total across the columns.
            var r5 = t("rule5_breaks");
            return new Expected(
                r5.Data.GroupBy(r => r[r5.Column("申请人类型")]).ToDictionary(g => g.Key, g => (double)g.Count()),
                [],
                double.NaN);
        }),
    ];

    [Fact]
    public void Every_pivot_computed_by_LibreOffice_has_the_totals_of_the_summary_sheet_where_every_report_adds_up()
    {
        var checkedPivots = Check(consistent);

        // 跨年度勾稽 has no breaks to pivot when every report adds up; the other panel has them.
        checkedPivots.ShouldBe(Pivots.Where(p => p.Sheet != "跨年度勾稽").Select(p => $"{p.Dashboard} {p.Sheet}"), ignoreOrder: true);
    }

    /// <summary>The pivots a check must have covered: all but those of <paramref name="skip"/>, and 跨年度勾稽's when no report breaks rule 5.</summary>
    internal static IEnumerable<string> All(string? skip = null) => Pivots.Where(p => p.Dashboard != skip).Select(p => $"{p.Dashboard} {p.Sheet}");

    [Fact]
    public void Every_pivot_of_the_standard_dashboards_is_checked_here()
    {
        var catalog = DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards"));
        var pivots = catalog.Dashboards.Where(d => DashboardCatalog.Standard.Contains(d.Name))
            .SelectMany(d => d.Sheets.Where(s => s.Pivot is not null).Select(s => $"{d.Name} {s.Name}"));
        pivots.ShouldBe(Pivots.Select(p => $"{p.Dashboard} {p.Sheet}"), ignoreOrder: true);
    }

    /// <summary>Checks every pivot of the fixture's workbooks (but <paramref name="skip"/>'s); returns those checked.</summary>
    internal static List<string> Check(ExportFixture f, string? skip = null)
    {
        var done = new List<string>();
        foreach (var (dashboard, sheet, totals) in Pivots.Where(p => p.Dashboard != skip))
        {
            var spec = f.Catalog.Find(dashboard)!.Sheets.Single(s => s.Name == sheet);
            var pivotCsv = f.Csv(dashboard, WorkbookWriter.PivotSheetName(spec));
            if (!File.Exists(pivotCsv))
            {
                // No pivot is written over an empty data sheet; the summary must then be empty too.
                f.Results[dashboard].Tables.Single(t => t.IsData && t.Sheet == spec.Data!.Sheet).Rows.ShouldBe(0, $"{dashboard} {sheet} has detail rows but no pivot");
                continue;
            }

            var pivot = PivotRead(pivotCsv, spec.Pivot!.Rows.Count, spec.Data!.Columns.Single(c => c.Field == spec.Pivot.Rows[0]).Caption, spec.Pivot.TotalColumn);
            var expected = totals(id => Table.Of(f, dashboard, id));
            var what = $"{dashboard} {sheet}";
            pivot.Columns.Keys.ShouldBe(expected.Columns.Keys, ignoreOrder: true, $"{what}: the pivot's columns");
            foreach (var (column, value) in expected.Columns) pivot.Columns[column].ShouldBe(value, $"{what}: column {column}");
            foreach (var (row, value) in expected.Rows) pivot.Rows.GetValueOrDefault(row).ShouldBe(value, $"{what}: row {row}");
            if (spec.Pivot.TotalColumn)
            {
                pivot.Grand.ShouldBe(expected.Grand, $"{what}: grand total");
                pivot.Grand.ShouldBeGreaterThan(0, what);
            }
            else
            {
                double.IsNaN(pivot.Grand).ShouldBeTrue($"{what}: a pivot whose columns hold a total has no total across them");
            }

            done.Add(what);
        }

        return done;
    }

    /// <summary>
    /// A pivot as LibreOffice lays it out in CSV: filter lines, the data caption, a header row
    /// (the row fields' captions, the column items, the grand total's label), a line per row
    /// item (an outer row item on a line of its own), and the grand total line.
    /// </summary>
    private static Expected PivotRead(string path, int rowFields, string firstRowCaption, bool totalColumn)
    {
        const string LibreOfficeTotal = "Total Result";
        var csv = Csv.Read(path);
        var header = csv.FindIndex(r => r[0] == firstRowCaption);
        header.ShouldBeGreaterThan(0, $"{path}: no header row (starting {firstRowCaption})");
        var cells = csv[header];
        var last = Array.FindLastIndex(cells, c => c.Length > 0);
        var grandLabel = totalColumn ? cells[last] : LibreOfficeTotal;
        if (!totalColumn) cells.ShouldNotContain(LibreOfficeTotal, $"{path}: a total across the columns");
        var columns = cells[rowFields..(totalColumn ? last : last + 1)].ToList();
        var rows = new Dictionary<string, double>();
        string? outer = null;
        for (var i = header + 1; i < csv.Count; i++)
        {
            var r = csv[i];
            if (r[0] == grandLabel)
            {
                return new Expected(
                    columns.Select((c, k) => (c, k)).ToDictionary(x => x.c, x => Number(r[rowFields + x.k])),
                    rows,
                    totalColumn ? Number(r[last]) : double.NaN);
            }

            if (r[0].Length > 0) outer = r[0];
            if (totalColumn && r[last].Length > 0) rows[outer!] = rows.GetValueOrDefault(outer!) + Number(r[last]);
        }

        throw new ShouldAssertException($"{path}: no grand total line ({grandLabel})");
    }

    private static Expected Sums(Table t, string columnField, string rowField, string value) => new(
        t.Data.GroupBy(r => r[t.Column(columnField)]).ToDictionary(g => g.Key, g => g.Sum(r => Number(r[t.Column(value)]))),
        t.Data.GroupBy(r => r[t.Column(rowField)]).ToDictionary(g => g.Key, g => g.Sum(r => Number(r[t.Column(value)]))),
        t.Data.Sum(r => Number(r[t.Column(value)])));

    private static double Number(string text) => text.Length == 0 ? 0 : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A summary table as LibreOffice read it: its header and rows.</summary>
    private sealed record Table(List<string> Header, List<string[]> Data)
    {
        public int Column(string caption)
        {
            var i = Header.IndexOf(caption);
            if (i < 0) throw new ShouldAssertException($"no column {caption} in {string.Join(", ", Header)}");
            return i;
        }

        public static Table Of(ExportFixture f, string dashboard, string id)
        {
            var result = f.Results[dashboard];
            var t = result.Tables.Single(x => x.Name == id);
            var range = Workbooks.Table(result.Path, t.Sheet, t.Name);
            var csv = Csv.Read(f.Csv(dashboard, t.Sheet));
            return new Table(csv[range.FirstRow - 1].Take(range.LastColumn).ToList(), csv.Skip(range.FirstRow).Take(range.LastRow - range.FirstRow).ToList());
        }
    }
}
