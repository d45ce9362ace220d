using Warehouse.Core;

namespace Warehouse.Validation.Rules;

/// <summary>Rule 4: in table 四, each 总计 is the sum of the four outcomes before it.</summary>
public sealed class ReviewTotalRule : IReportRule
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["review"] = "行政复议",
        ["litigation_direct"] = "行政诉讼（未经复议直接起诉）",
        ["litigation_after_review"] = "行政诉讼（复议后起诉）",
    };

    public IEnumerable<Finding> Check(Report report)
    {
        foreach (var proceeding in ReviewLitigation.Proceedings)
        {
            var cells = report.ReviewLitigation.Get(proceeding);
            if (cells.Any(v => v is null)) continue;
            var sum = cells.Take(ReviewLitigation.TotalIndex).Sum(v => v!.Value);
            var total = cells[ReviewLitigation.TotalIndex]!.Value;
            if (sum == total) continue;
            yield return new Finding("review_total", Severity.Error,
                $"{CellNames.ReviewRow(proceeding)}总计为 {total}，但结果维持、结果纠正、其他结果、尚未审结之和为 {sum}（复议诉讼合计）。{Labels[proceeding]}: 总计 is {total} but 结果维持, 结果纠正, 其他结果 and 尚未审结 add up to {sum}.",
                proceeding, "total", sum, total);
        }
    }
}
