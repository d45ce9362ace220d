using Warehouse.Core;

namespace Warehouse.Corpus.Tests;

/// <summary>
/// Rules 1-4 of domain.md, written here from the spec rather than taken from the validator,
/// so that the generator is checked against the template and not against our own reading of it.
/// </summary>
internal static class Arithmetic
{
    public sealed record Break(string Rule, string Row, string Column);

    /// <summary>Every cell where a rule fails, as (rule, row, column) in the terms of the findings.</summary>
    public static IReadOnlyList<Break> Breaks(Report report)
    {
        var t = report.Applications;
        var breaks = new List<Break>();
        int V(string code, int column) => t[code, column] ?? throw new InvalidOperationException($"{code} × {column} is null");
        var outcomes = DisposalCategories.Outcomes(report.Template).Select(c => c.Code).ToList();

        for (var c = 0; c < ApplicantTypes.Count; c++)
        {
            var column = ApplicantTypes.CodeAt(c);
            if (V("new_received", c) + V("carried_over", c) != V("total_processed", c) + V("carried_forward", c))
            {
                breaks.Add(new("balance", "carried_forward", column));
            }

            if (V("total_processed", c) != outcomes.Sum(code => V(code, c)))
            {
                breaks.Add(new("total_row", "total_processed", column));
            }
        }

        foreach (var (category, cells) in t.Rows)
        {
            if (cells[ApplicantTypes.TotalIndex] != cells.Take(ApplicantTypes.TotalIndex).Sum())
            {
                breaks.Add(new("total_column", category.Code, "total"));
            }
        }

        foreach (var proceeding in ReviewLitigation.Proceedings)
        {
            var cells = report.ReviewLitigation.Get(proceeding);
            if (cells[ReviewLitigation.TotalIndex] != cells.Take(ReviewLitigation.TotalIndex).Sum())
            {
                breaks.Add(new("review_total", proceeding, "total"));
            }
        }

        return breaks;
    }

    public static IReadOnlyList<Break> Named(IEnumerable<Finding> findings) =>
        findings.Select(f => new Break(f.Rule, f.Row ?? "", f.Column ?? "")).ToList();
}
