using Warehouse.Core;
using Warehouse.Validation.Rules;

namespace Warehouse.Validation;

/// <summary>Runs the single-report rules of domain.md (1-4, 8 and 9).</summary>
public sealed class ReportValidator(IReadOnlyList<IReportRule> rules)
{
    public static ReportValidator Default { get; } = new(
    [
        new BalanceRule(),
        new TotalRowRule(),
        new TotalColumnRule(),
        new ReviewTotalRule(),
        new ProseTableRule(),
        new CompletenessRule(),
    ]);

    public IReadOnlyList<Finding> Validate(Report report) => rules.SelectMany(r => r.Check(report)).ToList();
}
