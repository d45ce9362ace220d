namespace Warehouse.Crawl.Crawling;

/// <summary>
/// The words <c>crawl_url</c> stores for a URL's kind, state and outcome (the migration's checks
/// and the frontier's queries name them); the crawler's types map to and from them here only.
/// </summary>
public static class FrontierCodes
{
    public static string Code(this UrlKind kind) => kind switch
    {
        UrlKind.List => "list",
        UrlKind.Article => "article",
        UrlKind.Document => "document",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Code(this UrlState state) => state switch
    {
        UrlState.Pending => "pending",
        UrlState.Done => "done",
        UrlState.Failed => "failed",
        UrlState.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Code(this UrlOutcome outcome) => outcome switch
    {
        UrlOutcome.New => "new",
        UrlOutcome.Unchanged => "unchanged",
        UrlOutcome.Rejected => "rejected",
        UrlOutcome.Attachments => "attachments",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static UrlKind KindOf(string code) => Parse<UrlKind>(code, Code, "kind");

    public static UrlState StateOf(string code) => Parse<UrlState>(code, Code, "state");

    /// <summary>Null for no outcome (null or empty: a list page, a failure).</summary>
    public static UrlOutcome? OutcomeOf(string? code) => string.IsNullOrEmpty(code) ? null : Parse<UrlOutcome>(code, Code, "outcome");

    private static T Parse<T>(string code, Func<T, string> codeOf, string column)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (codeOf(value) == code) return value;
        }

        throw new InvalidDataException($"crawl_url.{column} holds '{code}', which this version of the crawler does not know.");
    }
}
