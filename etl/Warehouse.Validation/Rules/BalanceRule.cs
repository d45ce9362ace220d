using Warehouse.Core;

namespace Warehouse.Validation.Rules;

/// <summary>Rule 1, stated by the template itself: per column, 第一项加第二项之和，等于第三项加第四项之和.</summary>
public sealed class BalanceRule : IReportRule
{
    public IEnumerable<Finding> Check(Report report)
    {
        var t = report.Applications;
        foreach (var column in ApplicantTypes.All)
        {
            var c = column.Index;
            if (t["new_received", c] is not { } received || t["carried_over", c] is not { } carried
                || t["total_processed", c] is not { } processed || t["carried_forward", c] is not { } forward) continue;
            var expected = received + carried - processed;
            if (expected == forward) continue;
            yield return new Finding("balance", Severity.Error,
                $"表三{column.Label}列：本年新收 {received} + 上年结转 {carried} 应等于办理结果总计 {processed} + 结转下年度 {forward}，结转下年度应为 {expected}，表中为 {forward}（收支平衡）。" +
                $"Column {column.Label}: 本年新收 {received} + 上年结转 {carried} should equal 办理总计 {processed} + 结转下年度 {forward}; 结转下年度 would be {expected}.",
                "carried_forward", column.Code, expected, forward);
        }
    }
}
