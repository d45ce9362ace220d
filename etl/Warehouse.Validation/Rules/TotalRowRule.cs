using Warehouse.Core;

namespace Warehouse.Validation.Rules;

/// <summary>Rule 2: per column, （七）总计 is the sum of the outcome rows 3-23.</summary>
public sealed class TotalRowRule : IReportRule
{
    public IEnumerable<Finding> Check(Report report)
    {
        var t = report.Applications;
        var outcomes = DisposalCategories.Outcomes(report.Template).Select(c => c.Code).ToList();
        foreach (var column in ApplicantTypes.All)
        {
            var c = column.Index;
            if (t["total_processed", c] is not { } total) continue;
            var values = outcomes.Select(code => t[code, c]).ToList();
            if (values.Any(v => v is null)) continue;
            var sum = values.Sum(v => v!.Value);
            if (sum == total) continue;
            yield return new Finding("total_row", Severity.Error,
                $"Column {column.Label}: （七）总计 is {total} but the outcome rows add up to {sum}.",
                "total_processed", column.Code, sum, total);
        }
    }
}
