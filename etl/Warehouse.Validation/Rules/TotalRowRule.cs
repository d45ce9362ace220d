using Warehouse.Core;

namespace Warehouse.Validation.Rules;

/// <summary>
/// Rule 2: per column, （七）总计 is the sum of the outcome rows 3-23. A group printed as one row
/// ("（六）其他处理" without its three reasons) counts with its printed value.
/// </summary>
public sealed class TotalRowRule : IReportRule
{
    public IEnumerable<Finding> Check(Report report)
    {
        var t = report.Applications;
        var outcomes = DisposalCategories.Outcomes(report.Template).ToList();
        foreach (var column in ApplicantTypes.All)
        {
            var c = column.Index;
            if (t["total_processed", c] is not { } total) continue;
            int? sum = 0;
            foreach (var group in outcomes.GroupBy(o => o.Group))
            {
                var printed = t.Group(group.Key);
                var cells = group.Select(o => t[o.Code, c]).ToList();
                sum += printed is not null && cells.Any(v => v is null) ? printed[c] : cells.Sum();
                if (cells.Any(v => v is null) && printed is null) sum = null;
            }

            if (sum is not { } s || s == total) continue;
            yield return new Finding("total_row", Severity.Error,
                $"{CellNames.ApplicationCell("total_processed", c)}为 {total}，但各办理结果之和为 {s}（总计行）。Column {column.Label}: （七）总计 is {total} but the outcome rows add up to {s}.",
                "total_processed", column.Code, s, total);
        }
    }
}
