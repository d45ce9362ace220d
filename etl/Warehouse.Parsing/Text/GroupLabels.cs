namespace Warehouse.Parsing.Text;

/// <summary>
/// The labels of table 三's merged cells at its left, as keys (<see cref="TextKey.Of"/>): 三、本年度办理结果 and the
/// groups （三）不予公开 to （六）其他处理. Text laid out by columns prints them in pieces on any line of the rows they
/// span ("年度办", "（三）不予", "法提供"); the text layer (<see cref="WrappedNumbers"/>) and the extractor
/// (<c>OuterLabels</c>) both tell those pieces from a row's own words.
/// </summary>
internal static class GroupLabels
{
    public static readonly string[] Keys = ["三本年度办理结果", "三不予公开", "四无法提供", "五不予处理", "六其他处理"];

    /// <summary>True when <paramref name="text"/>'s words are words of one of these labels, whole or a piece ("年度办", "三、本").</summary>
    public static bool IsOfAny(string text)
    {
        var key = TextKey.Of(text);
        return key.Length > 0 && Keys.Any(l => l.Contains(key, StringComparison.Ordinal));
    }
}
