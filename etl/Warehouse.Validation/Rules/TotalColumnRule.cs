using Warehouse.Core;

namespace Warehouse.Validation.Rules;

/// <summary>Rule 3: per row, 总计 is the sum of the six applicant columns.</summary>
public sealed class TotalColumnRule : IReportRule
{
    public IEnumerable<Finding> Check(Report report)
    {
        foreach (var (category, cells) in report.Applications.Rows)
        {
            if (cells.Any(v => v is null)) continue;
            var sum = cells.Take(ApplicantTypes.TotalIndex).Sum(v => v!.Value);
            var total = cells[ApplicantTypes.TotalIndex]!.Value;
            if (sum == total) continue;
            yield return new Finding("total_column", Severity.Error,
                $"{CellNames.ApplicationRow(category.Code)}总计列为 {total}，但六类申请人之和为 {sum}（总计列）。Row {category.Label}: 总计 is {total} but the six applicant columns add up to {sum}.",
                category.Code, "total", sum, total);
        }
    }
}
