using Warehouse.Core;

namespace Warehouse.Validation.Rules;

/// <summary>Rule 8: a count that section 一 states in prose agrees with the table that holds it (a warning).</summary>
public sealed class ProseTableRule : IReportRule
{
    public IEnumerable<Finding> Check(Report report)
    {
        var s = report.Stated;
        var t = report.Applications;
        var r = report.ReviewLitigation;
        var lawsuits = r.LitigationDirect[ReviewLitigation.TotalIndex] + r.LitigationAfterReview[ReviewLitigation.TotalIndex];
        var checks = new (int? Stated, int? Table, string What, string Where, string Row, string Column)[]
        {
            (s.ApplicationsReceived, t.Total("new_received"), "收到申请", "表三「一、本年新收政府信息公开申请数量」总计", "new_received", "total"),
            (s.ApplicationsDecided, t.Total("total_processed"), "办结", "表三「（七）总计」总计", "total_processed", "total"),
            (s.Reviews, r.Review[ReviewLitigation.TotalIndex], "行政复议", "表四「行政复议」总计", "review", "total"),
            (s.Lawsuits, lawsuits, "行政诉讼", "表四「行政诉讼」总计", "litigation", "total"),
        };

        // Table 二's document counts, in the 2021 template only: the 2019 template's columns are other measures.
        var documents = report.Template == Template.Template2021
            ? DocumentChecks(s.Regulations, report.ActiveDisclosure.Regulations, "规章", "regulations")
                .Concat(DocumentChecks(s.NormativeDocuments, report.ActiveDisclosure.NormativeDocuments, "行政规范性文件", "normative_documents"))
            : [];
        foreach (var (stated, table, what, where, row, column) in checks.Concat(documents))
        {
            if (stated is null || table is null || stated == table) continue;
            yield return new Finding("prose_table", Severity.Warning,
                $"正文「一、总体情况」称{what} {stated}，但{where}为 {table}（文表一致）。Section 一 states {stated} {what} but the table holds {table}.", row, column, table, stated);
        }
    }

    private static IEnumerable<(int? Stated, int? Table, string What, string Where, string Row, string Column)> DocumentChecks(DocumentCounts? stated, DocumentCounts table, string name, string row)
    {
        if (stated is null) yield break;
        yield return (stated.Issued, table.Issued, $"本年制发{name}", $"表二「{name}」本年制发件数", row, "issued");
        yield return (stated.Repealed, table.Repealed, $"本年废止{name}", $"表二「{name}」本年废止件数", row, "repealed");
        yield return (stated.InForce, table.InForce, $"现行有效{name}", $"表二「{name}」现行有效件数", row, "in_force");
    }
}
