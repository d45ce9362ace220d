using System.Globalization;
using System.Text.RegularExpressions;

namespace Warehouse.Parsing;

/// <summary>
/// The dates portals write on a page: in metadata ("2025-03-10-15:35:02") and bylines
/// ("发布时间：2025年3月10日"). Shared by the parser (<see cref="ParseResult.PageDate"/>) and the
/// crawler's reading of an article page.
/// </summary>
public static partial class PageDates
{
    /// <summary>
    /// Names of the meta tags that carry a page's publication date, best first (matched without case):
    /// TRS writes PubDate, Hanweb pubdate or firstpublishedtime ("2025-03-10-15:35:02"), others publishdate.
    /// </summary>
    public static IReadOnlyList<string> MetaNames { get; } = ["PubDate", "firstpublishedtime", "publishdate", "publishtime"];

    /// <summary>The first date in the text (<c>2025-03-10</c>, <c>2025/3/10</c>, <c>2025年3月10日</c>) if it is a real day, else null.</summary>
    public static DateOnly? Day(string? text)
    {
        if (text is null || AnyDate().Match(text) is not { Success: true } m) return null;
        var (y, mo, d) = (Number(m.Groups["y"]), Number(m.Groups["m"]), Number(m.Groups["d"]));
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    /// <summary>The date of a 发布时间/发布日期 byline in the line, else null.</summary>
    public static DateOnly? Byline(string line) => PublishedByline().Match(line) is { Success: true } m ? Day(m.Value) : null;

    private static int Number(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<y>(19|20)\d\d)\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})(?!\d)")]
    private static partial Regex AnyDate();

    [GeneratedRegex(@"发布(时间|日期)\s*[:：]\s*\S[^\n]{0,30}")]
    private static partial Regex PublishedByline();
}
