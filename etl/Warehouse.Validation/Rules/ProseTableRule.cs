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

        foreach (var (stated, table, what, where, row, column) in checks)
        {
            if (stated is null || table is null || stated == table) continue;
            yield return new Finding("prose_table", Severity.Warning,
                $"正文「一、总体情况」称{what} {stated}，但{where}为 {table}（文表一致）。Section 一 states {stated} {what} but the table holds {table}.", row, column, table, stated);
        }
    }
}
