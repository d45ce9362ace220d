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
    /// <summary>
    /// True when <paramref name="label"/> is nothing but a piece of one of these labels (the whole
    /// group label is a row of its own in tables that print a group as one row, and is not a piece).
    /// </summary>
    public static bool IsPiece(string label)
    {
        var key = TextKey.Of(label);
        if (key.Length == 0 || HasDigit(label)) return false;
        return GroupLabels.IsOfAny(key) && ApplicationRows.GroupOnly(key) is null && key != "三本年度办理结果";
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
        if (HasDigit(left) || !GroupLabels.IsOfAny(left)) return line;
        // What follows must be a label (a row's start or a continuation), not the numbers of a row.
        // (A mark for zero, "/" or "—", is a cell: "处理  /  0  /  0 …" is （六）其他处理's row, its label's last line.
        // A numbering is a label: "提供  2.  0 0 …" is 2.没有现成…'s row.)
        return StreamRows.Read(rest) is [{ Label: var words }, ..] && words.Any(char.IsLetterOrDigit) ? rest : line;
    }

    /// <summary>
    /// <see cref="WithoutPiece"/> for the lines of one table in order, which also takes a piece that one space parts
    /// from the row's label, as a browser's print lays the merged cell out: "（四）无 2.信息需要另" over "法提供 行制作"
    /// (（四）无法提供 beside 2.没有现成信息需要另行制作), "（三） 1.属于国家秘" over "不予公开 密". A piece is taken
    /// when the row's numbering follows it ("（四）无" before "2.信息需要另"), or when it goes on the piece taken on the
    /// line before ("法提供" after "（四）无"; a line of numbers alone between them is passed over), and words of a label
    /// follow it.
    /// </summary>
    public static Func<string, string> ForLines()
    {
        string? taken = null;
        return line =>
        {
            var wide = WithoutPiece(line);
            if (!ReferenceEquals(wide, line))
            {
                taken = null;
                return wide;
            }

            var text = line.TrimStart();
            var space = text.IndexOfAny([' ', '\u3000']);
            var left = space > 0 ? text[..space] : "";
            var key = TextKey.Of(left);
            var rest = space > 0 ? text[(space + 1)..].TrimStart() : "";
            // A line of numbers alone between a label's lines (WeasyPrint's print centres a row's numbers on its label:
            // "（五）不予 1.信访举报" / "0   1   0 …" / "处理 投诉类申请") keeps the piece taken for the line after it.
            if (StreamRows.Read(text) is { Count: > 0 } cells && cells.All(c => c.Label.Length == 0)) return line;
            var before = taken;
            taken = null;
            if (key.Length == 0 || HasDigit(left)) return line;
            // Most lines have no such piece: the words are looked at before the line is read again.
            var piece = GroupLabels.IsOfAny(key) && ApplicationRows.GroupOnly(key) is null;
            var goesOn = before is not null && GroupLabels.IsOfAny(before + key);
            if ((!piece && !goesOn) || StreamRows.Read(rest) is not [{ } first, ..] || !first.Label.Any(char.IsLetter)) return line;
            if (piece && RowNumbering.StartsRow(first.Label))
            {
                taken = key;
                return rest;
            }

            if (goesOn)
            {
                taken = before + key;
                return rest;
            }

            return line;
        };
    }

    private static bool HasDigit(string text) => StreamRows.HasDigit(text);

    // The first run of two or more spaces between two pieces of text.
    [GeneratedRegex(@"[ \u3000]{2,}")]
    private static partial Regex Gap();
}
