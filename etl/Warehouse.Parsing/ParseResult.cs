using Warehouse.Core;

namespace Warehouse.Parsing;

/// <summary>A report with the findings of reading it, or the reason the input is not a report.</summary>
public sealed record ParseResult(Report? Report, IReadOnlyList<Finding> Findings, string? Rejection, string Layout)
{
    public bool IsReport => Report is not null;

    /// <summary>
    /// The prose of sections 一, 五 and 六 as printed, sections separated by a blank line: what the
    /// 雷同 check compares (Warehouse.Validation.Similarity). Null for a rejection; not part of
    /// the <c>parse --json</c> contract.
    /// </summary>
    public string? Prose { get; init; }

    public static ParseResult Reject(string why, string layout = "unknown") => new(null, [], why, layout);
}
