using Warehouse.Load;
using System.Globalization;
using System.Text;
using Warehouse.Core;
using Warehouse.Core.Regions;

namespace Warehouse.Cli;

/// <summary>The readable form of a parsed report: who, where, when, the non-zero cells and the findings.</summary>
internal static class Summary
{
    public static string Render(ReportReading reading)
    {
        var r = reading.Report!;
        var sb = new StringBuilder();
        sb.Append(reading.Origin).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"  机关 agency          {r.Agency}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  地区 region          {Region(r.RegionCode)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  年度 year            {r.Year}   模板 template {r.Template.Code()}   版式 layout {reading.Parse.Layout}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  发布日期 published   {(r.Published is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Undated)}   主动公开信息数 items published {(r.ItemsPublished?.ToString(CultureInfo.InvariantCulture) ?? "未写明")}\n");

        var cells = NonZeroCells(r).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"  非零的数 non-zero    {(cells.Count == 0 ? "无" : $"{cells.Count} 行")}\n");
        foreach (var cell in cells) sb.Append("    ").Append(cell).Append('\n');

        var errors = reading.Findings.Count(f => f.Severity == Severity.Error);
        sb.Append(CultureInfo.InvariantCulture, $"  问题 findings        {(reading.Findings.Count == 0 ? "无" : $"错误 {errors} 条，警告 {reading.Findings.Count - errors} 条")}\n");
        foreach (var f in reading.Findings) sb.Append("    ").Append(Line(f)).Append('\n');
        return sb.ToString();
    }

    /// <summary>How a report with no closing date (落款日期) is shown everywhere.</summary>
    public const string Undated = "未注明日期";

    /// <summary>Whose date judged a report's lateness (<c>fact_report.published_source</c>): 门户网站 (the portal's), 落款日期 (the signed one); null when undated.</summary>
    public static string? DateSource(string? publishedSource) => publishedSource switch
    {
        "portal" => "门户网站",
        "signed" => "落款日期",
        _ => null,
    };

    public static string Line(Finding f) => FindingText.Line(f);

    /// <summary>"370212（山东省 青岛市 崂山区）", or 未识别 when the agency's region was not found.</summary>
    public static string Region(string? code)
    {
        if (code is null) return "未识别 unresolved";
        var names = DivisionList.Default.Lineage(code).Reverse().Select(x => x.Name);
        return $"{code}（{string.Join(" ", names)}）";
    }

    /// <summary>The non-zero cells by the names the template prints: "表二「行政规范性文件」本年制发件数 13", "表三「（一）予以公开」：自然人 3，总计 3".</summary>
    private static IEnumerable<string> NonZeroCells(Report r)
    {
        var a = r.ActiveDisclosure;
        foreach (var (item, column, value) in new (string, string, decimal?)[]
        {
            ("regulations", Issued, a.Regulations.Issued), ("regulations", Repealed, a.Regulations.Repealed), ("regulations", InForce, a.Regulations.InForce),
            ("normative_documents", Issued, a.NormativeDocuments.Issued), ("normative_documents", Repealed, a.NormativeDocuments.Repealed),
            ("normative_documents", InForce, a.NormativeDocuments.InForce), ("licensing", Decisions, a.Licensing), ("penalty", Decisions, a.Penalty),
            ("enforcement", Decisions, a.Enforcement), ("fees", "本年收费金额（万元）", a.Fees10kYuan),
        })
        {
            if (value is { } v && v != 0) yield return $"{CellNames.ActiveRow(item)}{column} {v.ToString(CultureInfo.InvariantCulture)}";
        }

        foreach (var (category, cells) in r.Applications.Rows)
        {
            var parts = cells.Select((v, i) => (v, i)).Where(x => x.v is not 0).Select(x => $"{ApplicantTypes.All[x.i].Label} {Count(x.v)}").ToList();
            if (parts.Count > 0) yield return $"{CellNames.ApplicationRow(category.Code)}：{string.Join("，", parts)}";
        }

        foreach (var proceeding in ReviewLitigation.Proceedings)
        {
            var cells = r.ReviewLitigation.Get(proceeding);
            var parts = cells.Select((v, i) => (v, i)).Where(x => x.v is not 0).Select(x => $"{ReviewLitigation.OutcomeLabels[x.i]} {Count(x.v)}").ToList();
            if (parts.Count > 0) yield return $"{CellNames.ReviewRow(proceeding)}：{string.Join("，", parts)}";
        }
    }

    // The column headings of table 二 (2021 template).
    private const string Issued = "本年制发件数";
    private const string Repealed = "本年废止件数";
    private const string InForce = "现行有效件数";
    private const string Decisions = "本年处理决定数量";

    /// <summary>A cell's count, or 未知 when the document lost it (null).</summary>
    private static string Count(int? v) => v is { } n ? n.ToString(CultureInfo.InvariantCulture) : "未知";
}
