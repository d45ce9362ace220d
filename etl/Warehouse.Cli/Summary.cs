using Warehouse.Load;
using System.Globalization;
using System.Text;
using Warehouse.Core;
using Warehouse.Parsing.Regions;

namespace Warehouse.Cli;

/// <summary>The readable form of a parsed report: who, where, when, the non-zero cells and the findings.</summary>
internal static class Summary
{
    public static string Render(ReportReading reading)
    {
        var r = reading.Report!;
        var sb = new StringBuilder();
        sb.Append(reading.Origin).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"  agency 机关      {r.Agency}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  region 地区      {Region(r.RegionCode)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  year 年度        {r.Year}   template 模板 {r.Template.Code()}   layout {reading.Parse.Layout}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  published 发布   {(r.Published is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "not stated")}   items published 公开信息 {(r.ItemsPublished?.ToString(CultureInfo.InvariantCulture) ?? "not stated")}\n");

        var cells = NonZeroCells(r).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"  non-zero cells   {(cells.Count == 0 ? "none" : cells.Count.ToString(CultureInfo.InvariantCulture))}\n");
        foreach (var cell in cells) sb.Append("    ").Append(cell).Append('\n');

        sb.Append(CultureInfo.InvariantCulture, $"  findings         {(reading.Findings.Count == 0 ? "none" : reading.Findings.Count.ToString(CultureInfo.InvariantCulture))}\n");
        foreach (var f in reading.Findings) sb.Append("    ").Append(Line(f)).Append('\n');
        return sb.ToString();
    }

    public static string Line(Finding f)
    {
        var where = f.Row is null ? "" : f.Column is null ? $" [{f.Row}]" : $" [{f.Row} × {f.Column}]";
        var values = f.Expected is null && f.Actual is null ? "" : $" (expected {f.Expected?.ToString(CultureInfo.InvariantCulture) ?? "-"}, actual {f.Actual?.ToString(CultureInfo.InvariantCulture) ?? "-"})";
        return $"{(f.Severity == Severity.Error ? "error  " : "warning")} {f.Rule}{where}: {f.Message}{values}";
    }

    private static string Region(string? code)
    {
        if (code is null) return "unresolved";
        var names = DivisionList.Default.Lineage(code).Reverse().Select(x => x.Name);
        return $"{code} ({string.Join(" ", names)})";
    }

    private static IEnumerable<string> NonZeroCells(Report r)
    {
        var a = r.ActiveDisclosure;
        foreach (var (name, value) in new (string, decimal?)[]
        {
            ("regulations.issued", a.Regulations.Issued), ("regulations.repealed", a.Regulations.Repealed), ("regulations.in_force", a.Regulations.InForce),
            ("normative_documents.issued", a.NormativeDocuments.Issued), ("normative_documents.repealed", a.NormativeDocuments.Repealed),
            ("normative_documents.in_force", a.NormativeDocuments.InForce), ("licensing", a.Licensing), ("penalty", a.Penalty),
            ("enforcement", a.Enforcement), ("fees_10k_yuan", a.Fees10kYuan),
        })
        {
            if (value is { } v && v != 0) yield return $"active_disclosure.{name} = {v.ToString(CultureInfo.InvariantCulture)}";
        }

        foreach (var (category, cells) in r.Applications.Rows)
        {
            var parts = cells.Select((v, i) => (v, i)).Where(x => x.v is not 0).Select(x => $"{ApplicantTypes.All[x.i].Label} {(x.v is { } n ? n.ToString(CultureInfo.InvariantCulture) : "?")}").ToList();
            if (parts.Count > 0) yield return $"{category.Code} {category.Label}: {string.Join(", ", parts)}";
        }

        foreach (var proceeding in ReviewLitigation.Proceedings)
        {
            var cells = r.ReviewLitigation.Get(proceeding);
            var parts = cells.Select((v, i) => (v, i)).Where(x => x.v is not 0).Select(x => $"{ReviewLitigation.OutcomeLabels[x.i]} {(x.v is { } n ? n.ToString(CultureInfo.InvariantCulture) : "?")}").ToList();
            if (parts.Count > 0) yield return $"{proceeding}: {string.Join(", ", parts)}";
        }
    }
}
