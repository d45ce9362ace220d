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
        var checks = new (int? Stated, int? Table, string What, string Row, string Column)[]
        {
            (s.ApplicationsReceived, t.Total("new_received"), "收到申请 (applications received)", "new_received", "total"),
            (s.ApplicationsDecided, t.Total("total_processed"), "办结 (applications decided)", "total_processed", "total"),
            (s.Reviews, r.Review[ReviewLitigation.TotalIndex], "行政复议 (reviews)", "review", "total"),
            (s.Lawsuits, lawsuits, "行政诉讼 (lawsuits)", "litigation", "total"),
        };

        foreach (var (stated, table, what, row, column) in checks)
        {
            if (stated is null || table is null || stated == table) continue;
            yield return new Finding("prose_table", Severity.Warning,
                $"Section 一 states {stated} {what} but the table holds {table}.", row, column, table, stated);
        }
    }
}
