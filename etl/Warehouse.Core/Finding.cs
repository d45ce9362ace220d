namespace Warehouse.Core;

/// <summary>
/// Something wrong with a report's values. Bad data is a value, never an exception:
/// a report is loaded with its findings and never silently corrected.
/// </summary>
/// <param name="Rule">Stable code of the rule, e.g. <c>balance</c>, <c>total_row</c>.</param>
/// <param name="Row">Row code (a disposal category, a review proceeding, an active item) when the finding is about a cell.</param>
/// <param name="Column">Column code (an applicant type or an outcome) when the finding is about a cell.</param>
public sealed record Finding(
    string Rule,
    Severity Severity,
    string Message,
    string? Row = null,
    string? Column = null,
    decimal? Expected = null,
    decimal? Actual = null)
{
    public static Finding Error(string rule, string message) => new(rule, Severity.Error, message);

    public static Finding Warning(string rule, string message) => new(rule, Severity.Warning, message);
}
