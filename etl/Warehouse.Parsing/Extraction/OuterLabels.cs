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
        // A row's own word before its numbering, set on another baseline: "其他   3.   1  0 …" is 3.其他, not the piece 其他
        // of （六）其他处理 beside a row "3.".
        if (StreamRows.Read(rest) is [{ Label: var numbering }, ..] && RowNumbering.IsAlone(numbering) && rest.StartsWith(numbering.Trim(), StringComparison.Ordinal)
            && ApplicationRows.Match(TextKey.Of(numbering + left)) is not null)
        {
            return numbering.Trim() + left + "  " + rest[numbering.Trim().Length..].TrimStart();
        }

        // What follows must be a label (a row's start or a continuation), not the numbers of a row.
        // (A mark for zero, "/" or "—", is a cell: "处理  /  0  /  0 …" is （六）其他处理's row, its label's last line.
        // A numbering is a label: "提供  2.  0 0 …" is 2.没有现成…'s row.)
        return StreamRows.Read(rest) is [{ Label: var words }, ..] && words.Any(char.IsLetterOrDigit) ? rest : line;
    }

    /// <summary>
    /// <see cref="WithoutPiece"/> for the lines of one table in order, which also takes a piece that one space parts
    /// from the row's label, as a browser's print lays the merged cell out: "（四）无 2.信息需要另" over "法提供 行制作"
    /// (（四）无法提供 beside 2.没有现成信息需要另行制作), "（三） 1.属于国家秘" over "不予公开 密". A piece is taken
    /// when the row's numbering follows it ("（四）无" before "2.信息需要另"; or stands alone on the next line, below the
    /// label's first line: "（四）无 本机关不掌" / "1." / "法提供 握相关政府"), or when it goes on the piece taken on the
    /// line before ("法提供" after "（四）无"; a line of numbers alone or a numbering alone between them is passed over),
    /// and words of a label follow it. The function takes a line and the line after it (null when none).
    /// </summary>
    public static Func<string, string?, string> ForLines()
    {
        string? taken = null;
        return (line, next) =>
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
            // So does a numbering alone, set below its label's first line ("（ 四 ）本机关不掌" / "1." / "无 法 提握相关政府").
            if (StreamRows.Read(text) is { Count: > 0 } cells && cells.All(c => c.Label.Length == 0) || RowNumbering.IsAlone(text)) return line;
            var before = taken;
            taken = null;
            var numberedBelow = next is not null && RowNumbering.IsAlone(next);
            if (Spaced(text, before, numberedBelow, next) is var (spacedPiece, spacedRest))
            {
                taken = spacedPiece;
                return spacedRest;
            }

            if (key.Length == 0 || HasDigit(left)) return line;
            // Most lines have no such piece: the words are looked at before the line is read again.
            var piece = GroupLabels.IsOfAny(key) && ApplicationRows.GroupOnly(key) is null;
            var goesOn = before is not null && GroupLabels.IsOfAny(before + key);
            if ((!piece && !goesOn) || StreamRows.Read(rest) is not [{ } first, ..] || !first.Label.Any(char.IsLetter)) return line;
            if (piece && (RowNumbering.StartsRow(first.Label) || numberedBelow))
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

    /// <summary>
    /// A piece set letter-spaced at the line's start, its last character glued to the row's label: "不 予 处4.无正当理由大"
    /// over "理 量反复申请  0 0 …", "其 他 处2.按收费通知要求", "无 法 提需要另行制作  0 0 …" (Chromium's print of a merged cell
    /// whose label is spaced out to its width, in pdftotext -layout). Taken, as <see cref="ForLines"/> takes a piece, when the
    /// row's numbering follows it (or stands alone on the next line, <paramref name="numberedBelow"/>) or it goes on the piece
    /// taken on the line before (<paramref name="before"/>), and words of a
    /// label follow; the longest such piece first, unless its last character, glued to the label, is the label's: the
    /// line after (<paramref name="next"/>) opens with the piece's next character. Null when the line opens with no such piece.
    /// </summary>
    private static (string Piece, string Label)? Spaced(string text, string? before, bool numberedBelow, string? next)
    {
        // The ends of the letter-spaced run's characters: each but the last followed by one space and then no space.
        var ends = new List<int>();
        for (var i = 0; i < text.Length && !TextKey.IsSpace(text[i]) && !char.IsAsciiDigit(text[i]); i += 2)
        {
            ends.Add(i + 1);
            if (i + 2 >= text.Length || text[i + 1] is not (' ' or '\u3000') || TextKey.IsSpace(text[i + 2])) break;
        }

        if (ends.Count == 1) return Glued(text, before);
        for (var k = ends.Count; k >= 2; k--)
        {
            if (Take(k) is not var (piece, label)) continue;
            // The last character, glued to the label, may be the piece's or the label's ("其 他 处 理由逾期不补"): the label's
            // when the next line goes on the piece with it ("理 正、行政机关", the piece's 理).
            var then = next?.TrimStart() is { Length: > 0 } n ? TextKey.Of(n[..1]) : "";
            if (k > 2 && k == ends.Count && then.Length > 0 && Take(k - 1) is var (shorter, longerLabel)
                && GroupLabels.IsOfAny(shorter + then) && !GroupLabels.IsOfAny(piece + then)) return (shorter, longerLabel);
            return (piece, label);
        }

        return null;

        (string Piece, string Label)? Take(int k)
        {
            // An opening bracket is the label's: "年 度 办 （二）部分公开（区分处理" is the piece 年度办 and （二）….
            if (text[ends[k - 1] - 1] is '（' or '(' or '【' or '[') return null;
            var key = TextKey.Of(text[..ends[k - 1]]);
            var rest = text[ends[k - 1]..].TrimStart();
            if (key.Length == 0 || StreamRows.Read(rest) is not [{ } first, ..] || !first.Label.Any(char.IsLetter)) return null;
            if (before is not null && GroupLabels.IsOfAny(before + key)) return (before + key, rest);
            if (!GroupLabels.IsOfAny(key) || ApplicationRows.GroupOnly(key) is not null) return null;
            if (RowNumbering.StartsRow(first.Label) || numberedBelow) return (key, rest);
            // The group's numbering alone, spaced out in its brackets ("（ 三 ）法权益" under "4.保护第三方合", "（ 五 ） 信访举报投"
            // over "1."), before words that go on no group label: the piece that starts the group's label.
            var words = TextKey.Of(first.Label);
            return key.Length == 1 && text[0] is '（' or '(' && text[ends[k - 1] - 1] is '）' or ')' && words.Length > 0 && !GroupLabels.IsOfAny(key + words[..1])
                ? (key, rest)
                : null;
        }
    }

    /// <summary>
    /// The last characters of a spaced-out piece glued to the label: "供信息" under "无 法 提握相关政府" (the piece 无法提
    /// taken, <paramref name="before"/>), "理2.重复申" (a piece before the row's numbering). The longest piece first; a
    /// word that is a piece whole, a space after it ("公开 家秘密"), is left to ForLines. Null when none.
    /// </summary>
    private static (string Piece, string Label)? Glued(string text, string? before)
    {
        var word = 0;
        while (word < text.Length && !TextKey.IsSpace(text[word]) && !char.IsAsciiDigit(text[word])) word++;
        for (var p = word; p >= 1; p--)
        {
            var key = TextKey.Of(text[..p]);
            if (key.Length == 0) continue;
            var goesOn = before is not null && GroupLabels.IsOfAny(before + key);
            var piece = GroupLabels.IsOfAny(key) && ApplicationRows.GroupOnly(key) is null;
            if (!goesOn && !piece) continue;
            if (p == word && word < text.Length && TextKey.IsSpace(text[word])) return null;
            var rest = text[p..].TrimStart();
            if (StreamRows.Read(rest) is not [{ } first, ..] || !first.Label.Any(char.IsLetter)) continue;
            if (goesOn) return (before + key, rest);
            if (char.IsAsciiDigit(rest[0]) && RowNumbering.StartsRow(first.Label)) return (key, rest);
        }

        return null;
    }

    private static bool HasDigit(string text) => StreamRows.HasDigit(text);

    // The first run of two or more spaces between two pieces of text.
    [GeneratedRegex(@"[ \u3000]{2,}")]
    private static partial Regex Gap();
}
