using System.Text.RegularExpressions;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

/// <summary>
/// The labels of table 三's merged cells at its left: 三、本年度办理结果 and the groups （三）不予公开 to
/// （六）其他处理. Text laid out by columns (<c>pdftotext -layout</c>) prints them vertically centred
/// beside the rows they span, wrapped into pieces that land on any line: beside a row's first line
/// ("理结果   1.信访举报投诉类申"), beside the continuation of a wrapped label ("年度办   不明确"),
/// or beside a row's numbers ("（三）不予   0 0 0 …").
/// </summary>
internal static partial class OuterLabels
{
    private static readonly string[] Labels = ["三本年度办理结果", "三不予公开", "四无法提供", "五不予处理", "六其他处理"];

    /// <summary>
    /// True when <paramref name="label"/> is nothing but a piece of one of these labels (the whole
    /// group label is a row of its own in tables that print a group as one row, and is not a piece).
    /// </summary>
    public static bool IsPiece(string label)
    {
        var key = TextKey.Of(label);
        if (key.Length == 0 || HasDigit(label)) return false;
        return Labels.Any(l => l.Contains(key, StringComparison.Ordinal)) && ApplicationRows.GroupOnly(key) is null && key != "三本年度办理结果";
    }

    /// <summary>
    /// The line without a piece of a merged label that stands at its left, a run of spaces away from
    /// a row's label or the continuation of one: kept, the piece would hide the row's numbering
    /// ("理结果1.信访…" starts no row) and part a wrapped label from its continuation
    /// ("…内容仍" + "年度办不明确"). A line without such a gap is returned as it is.
    /// </summary>
    public static string WithoutPiece(string line)
    {
        var text = line.TrimStart();
        var gap = Gap().Match(text);
        if (!gap.Success) return line;
        var left = text[..gap.Index];
        var rest = text[(gap.Index + gap.Length)..];
        if (HasDigit(left) || !Labels.Any(l => l.Contains(TextKey.Of(left), StringComparison.Ordinal)) || TextKey.Of(left).Length == 0) return line;
        // What follows must be a label (a row's start or a continuation), not the numbers of a row.
        return StreamRows.Read(rest) is [{ Label.Length: > 0 }, ..] ? rest : line;
    }

    private static bool HasDigit(string text) => StreamRows.HasDigit(text);

    // The first run of two or more spaces between two pieces of text.
    [GeneratedRegex(@"[ \u3000]{2,}")]
    private static partial Regex Gap();
}
