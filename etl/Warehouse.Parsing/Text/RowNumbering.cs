using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Text;

/// <summary>The numbering that opens a row's label in table 三: "（二）", "二、", "2.", "2）", as printed.</summary>
internal static partial class RowNumbering
{
    /// <summary>True when <paramref name="label"/> opens with a row's numbering ("（一）予以公开", "三、本年度…", "2.重复申请", "2）重复申请", "2，重复申请", "2 .重复申请"; not "1.5").</summary>
    public static bool StartsRow(string label)
    {
        var text = label.TrimStart();
        if (Opening().IsMatch(text)) return true;
        // "3补正后申请内容…", "3 补正后…", "3和补正后…": a reason's own number, its point dropped, a space or another
        // character typed for it.
        if (text.Length < 3 || TextKey.Narrow(text[0]) is < '1' or > '9' || char.IsAsciiDigit(TextKey.Narrow(text[1]))) return false;
        var digit = TextKey.Narrow(text[0]);
        return NumbersReason(digit, text, text[1] == ' ' ? 2 : 1) || NumbersReason(digit, text, 2);
    }

    // The number and first three characters of each numbered reason of table 三 ("2其他法", "5属于三", "3补正后"…):
    // three, as "其他对外管理服务事项" of table 二 starts as "2.其他法律…" does. "3.其他" has two.
    private static readonly string[] NumberedStarts = Warehouse.Core.DisposalCategories.All
        .Where(c => c.Label.Length > 2 && char.IsAsciiDigit(c.Label[0]) && c.Label[1] == '.')
        .Select(c => c.Label[0] + c.Label.Substring(2, Math.Min(3, c.Label.Length - 2))).Distinct().ToArray();

    /// <summary>
    /// True when the words at <paramref name="from"/> of <paramref name="text"/> start the reason of table 三 that
    /// <paramref name="digit"/> numbers: its first three characters ("2" and "其他法…"), or a shorter label's whole
    /// words and then no more words ("3" and "其他 0 0 …"), or two of them at least where the words end (a cell
    /// that wrapped there: "2 申请" over "人逾期", "5 要求  288 件 …" over "行政机").
    /// </summary>
    public static bool NumbersReason(char digit, string text, int from)
    {
        var words = from;
        while (words < text.Length && text[words] is >= '\u4e00' and <= '\u9fff') words++;
        words -= from;
        foreach (var start in NumberedStarts)
        {
            if (start[0] == digit && words >= 2 && words < start.Length - 1 && string.CompareOrdinal(text, from, start, 1, words) == 0) return true;
            if (start[0] != digit || from + start.Length - 1 > text.Length || string.CompareOrdinal(text, from, start, 1, start.Length - 1) != 0) continue;
            var end = from + start.Length - 1;
            if (start.Length == 4 || end >= text.Length || text[end] is not (>= '\u4e00' and <= '\u9fff')) return true;
        }

        return false;
    }

    /// <summary>
    /// True when the words at <paramref name="from"/> start the reason of table 三 that <paramref name="digit"/>
    /// numbers, one of its first three characters dropped or misprinted: "于行政…" and "属于政…" for "8.属于行政查询事项",
    /// "之于行…" for it misprinted. Two characters of the three, in their order, must be there.
    /// </summary>
    public static bool NumbersReasonMisprinted(char digit, string text, int from)
    {
        if (from + 2 > text.Length) return false;
        var (a, b) = (text[from], text[from + 1]);
        var c = from + 2 < text.Length ? text[from + 2] : '\0';
        foreach (var start in NumberedStarts)
        {
            if (start[0] != digit || start.Length < 4) continue;
            var (w0, w1, w2) = (start[1], start[2], start[3]);
            // w0 dropped, w1 dropped, w2 dropped or misprinted, w0 misprinted, w1 misprinted.
            if ((a == w1 && b == w2) || (a == w0 && b == w2) || (a == w0 && b == w1) || (b == w1 && c == w2) || (a == w0 && c == w2)) return true;
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="label"/> opens the merged label of a group of table 三, not a row's own: "（三）", "（三）不予公开",
    /// "（五）不 出版物" (a piece of the group's label beside the end of a reason's), "三、本年度办理结果", "三 、本".
    /// </summary>
    public static bool OpensGroup(string label) => GroupOpening().IsMatch(label.TrimStart());

    /// <summary>
    /// True when <paramref name="label"/> is a group's whole label and nothing else ("（三）不予公开", "（六）其他处理", spaces
    /// ignored): a heading over its reasons, or the group printed as one row (the 2019 template's （六）其他处理).
    /// </summary>
    public static bool IsWholeGroup(string label)
    {
        var text = label.Replace(" ", "", StringComparison.Ordinal);
        return text.Length > 3 && GroupOpening().IsMatch(text)
            && text[3..] == text[1] switch { '三' => "不予公开", '四' => "无法提供", '五' => "不予处理", '六' => "其他处理", _ => null };
    }

    /// <summary>
    /// True when <paramref name="text"/> is a numbering and nothing else ("5."): pdftotext sets one
    /// on a line of its own when a browser prints digits and Chinese on different baselines.
    /// </summary>
    public static bool IsAlone(string text) => Alone().IsMatch(text.Trim());

    /// <summary>
    /// How long the numberings that open <paramref name="label"/> are: a group's and then its reason's ("（ 五 ）3.出版物"
    /// gives the length of "（ 五 ）3."), one of them, or none (0). Spaces after each are counted with it.
    /// </summary>
    public static int Prefix(string label)
    {
        var at = 0;
        for (var k = 0; k < 2 && at < label.Length; k++)
        {
            var rest = label[at..];
            var trimmed = rest.TrimStart();
            var m = Opening().Match(trimmed);
            if (!m.Success) break;
            at += rest.Length - trimmed.Length + m.Length;
            while (at < label.Length && label[at] == ' ') at++;
        }

        return at;
    }

    /// <summary>
    /// The lines with each numbering's digit that stands on a line of its own joined to the label after it: "1" over
    /// "、属于国家秘密" is "1、属于国家秘密". pdftotext -raw starts a line where the font changes, and Word sets a
    /// numbering's digit in the Latin font (Times New Roman) and its 、 in the Chinese one. A line that opens with 、
    /// or a full stop is no label of its own and no cell, so the digit before it is that label's number, never a
    /// cell; unless it is the middle of a wrapped label: the line above ends in the middle of a word, and the words
    /// after the 、 are not the reason the digit numbers ("1.申请人无正当理由逾期不补正" / "3" / "、行政机关不再处理…": a
    /// row's first cell that text without layout set between its label's lines, where the label wrapped before 、).
    /// </summary>
    /// <param name="lines">The text's lines.</param>
    /// <returns>The lines so joined; the same array when no numbering stands alone.</returns>
    public static string[] WithDigitsJoined(string[] lines)
    {
        List<string>? joined = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var digit = lines[i].Trim();
            if (i + 1 < lines.Length && digit.Length == 1 && TextKey.Narrow(digit[0]) is >= '1' and <= '9'
                && lines[i + 1].TrimStart() is { Length: >= 2 } next && next[0] is '、' or '.' or '．' && next[1] is >= '\u4e00' and <= '\u9fff' or '“'
                && !WrappedAround(lines, i, TextKey.Narrow(digit[0]), next))
            {
                joined ??= lines.Take(i).ToList();
                joined.Add(digit + next);
                i++;
                continue;
            }

            joined?.Add(lines[i]);
        }

        return joined?.ToArray() ?? lines;
    }

    // The digit on line `i` stands between two lines of one wrapped label: the line above ends in a word, and the
    // words after the 、 (or full stop) of the line below are not the reason the digit numbers.
    private static bool WrappedAround(string[] lines, int i, char digit, string next) =>
        i > 0 && lines[i - 1].TrimEnd() is { Length: > 0 } above && above[^1] is >= '\u4e00' and <= '\u9fff'
        && !NumbersReason(digit, next, 1) && !NumbersReasonMisprinted(digit, next, 1);

    [GeneratedRegex(@"^(?:[（(]\s*(?:[一二三四五六七八九十]+|\d)\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d\s*[.．、](?!\d)|\d\s*[)）](?=\s?[\u4e00-\u9fff“""])|\d\s?[，,:：](?=\s?[\u4e00-\u9fff“""])|\d\s+[.．、](?=\s?[\u4e00-\u9fff“""])|[①-⑳])")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^(?:[（(]\s*[三四五六]\s*[）)]|三\s*、)")]
    private static partial Regex GroupOpening();

    [GeneratedRegex(@"^\d{1,2}\s*[.．、)）]$")]
    private static partial Regex Alone();
}
