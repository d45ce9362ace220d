using Warehouse.Core;

namespace Warehouse.Parsing;

/// <summary>A report with the findings of reading it, or the reason the input is not a report.</summary>
public sealed record ParseResult(Report? Report, IReadOnlyList<Finding> Findings, string? Rejection, string Layout)
{
    public bool IsReport => Report is not null;

    public static ParseResult Reject(string why, string layout = "unknown") => new(null, [], why, layout);
}
