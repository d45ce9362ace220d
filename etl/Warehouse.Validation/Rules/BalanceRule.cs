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
                $"{CellNames.ApplicationCell("carried_forward", c)}为 {forward}，但本年新收 {received} + 上年结转 {carried} − 办理结果总计 {processed} 应为 {expected}（收支平衡）。" +
                $"Column {column.Label}: 结转下年度 is {forward} but 本年新收 {received} + 上年结转 {carried} − （七）总计 {processed} = {expected}.",
                "carried_forward", column.Code, expected, forward);
        }
    }
}
