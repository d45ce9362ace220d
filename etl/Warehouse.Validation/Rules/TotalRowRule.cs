using Warehouse.Core;

namespace Warehouse.Validation.Rules;

/// <summary>
/// Rule 2: per column, （七）总计 is the sum of the outcome rows 3-23. A group printed as one row
/// ("（六）其他处理" without its three reasons) counts with its printed value.
/// </summary>
public sealed class TotalRowRule : IReportRule
{
    private static readonly Dictionary<Template, IGrouping<string, DisposalCategory>[]> Groups = new[] { Template.Template2019, Template.Template2021 }
        .ToDictionary(t => t, t => DisposalCategories.Outcomes(t).GroupBy(o => o.Group).ToArray());

    public IEnumerable<Finding> Check(Report report)
    {
        var t = report.Applications;
        var groups = Groups[report.Template];
        foreach (var column in ApplicantTypes.All)
        {
            var c = column.Index;
            if (t["total_processed", c] is not { } total) continue;
            int? sum = 0;
            foreach (var group in groups)
            {
                int? part = 0;
                foreach (var o in group) part += t[o.Code, c];
                if (part is null && t.Group(group.Key) is { } printed) part = printed[c];
                sum += part;
            }

            if (sum is not { } s || s == total) continue;
            yield return new Finding("total_row", Severity.Error,
                $"{CellNames.ApplicationCell("total_processed", c)}为 {total}，但各办理结果之和为 {s}（总计行）。Column {column.Label}: （七）总计 is {total} but the outcome rows add up to {s}.",
                "total_processed", column.Code, s, total);
        }
    }
}
