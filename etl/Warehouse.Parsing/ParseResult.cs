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

    /// <summary>
    /// The day the page the report was saved from says it was published: a portal page's
    /// <c>&lt;meta name="PubDate"&gt;</c> (or its TRS and Hanweb variants), else a byline before
    /// section 一 ("发布时间：2025-03-10", "发布日期：", as crawler text and printed pages keep it). Not the
    /// report's own date (<see cref="Core.Report.Published"/>, the signature) and not part of the
    /// <c>parse --json</c> contract: the intake keeps it as the portal's publication date of a file
    /// ingested without one, which judges lateness. Null when nothing says it.
    /// </summary>
    public DateOnly? PageDate { get; init; }

    public static ParseResult Reject(string why, string layout = "unknown") => new(null, [], why, layout);
}
