using System.Text;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

/// <summary>
/// Reads table rows out of text that lost its table structure: crawler text with the whole body
/// on one line ("一、本年新收政府信息公开申请数量640020470二、上年结转…"), a line that lost its tabs,
/// or a paragraph a layout made of a table. A row is the label text up to a run of numbers, and
/// the numbers themselves, kept as printed (a run of digits may hold several cells).
/// </summary>
/// <remarks>
/// Row numbering sticks to the digits before it ("0000000" + "2.其他…" reads "00000002.其他…"): a digit
/// followed by "." or "、" and then text is the next row's number, not a cell. Digits followed by
/// 年, 月, 日, 号 or % are dates and rates in prose, not cells.
/// </remarks>
internal static partial class StreamRows
{
    private const string DateSuffixes = "年月日号时分秒%％‰";
    private const string UnitChars = "件条个项次起人元份篇";

    public static bool HasDigit(string text)
    {
        foreach (var ch in text)
        {
            if (IsDigit(ch)) return true;
        }

        return false;
    }

    public static List<RowParts> Read(string text)
    {
        // Page numbers that joined lines carry into the text ("… 9487   -2-   第二十条…") are not cells.
        if (text.Contains('页') || text.Contains('-') || text.Contains('—') || text.Contains('－') || text.Contains('–')) text = PageNumber().Replace(text, m => AmongCells(text, m) ? m.Value : " ");
        var rows = new List<RowParts>();
        var label = new StringBuilder();
        var data = new List<string>();
        var swaps = new List<int>();

        void Flush()
        {
            if (data.Count == 0) return;
            rows.Add(new RowParts(label.ToString().Trim(), data.ToArray(), label.ToString().Trim()) { Swaps = swaps.Count == 0 ? [] : swaps.ToArray() });
            label.Clear();
            data.Clear();
            swaps.Clear();
        }

        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (ch == BlankCells.Mark)
            {
                // A cell left blank, at its column (BlankCells): zero.
                data.Add("");
                i++;
                continue;
            }

            if (ch == WrappedNumbers.StackMark)
            {
                // Two cells stacked in one column (WrappedNumbers): the one before may as well come after.
                if (data.Count > 0) swaps.Add(data.Count - 1);
                i++;
                continue;
            }

            if (data.Count == 0 && (label.Length == 0 || label[^1] == ' ') && OpensLabel(text, i))
            {
                // "1，属于国家秘密  0 0 …", "1 .属于…": a digit that opens the line, or follows a piece of a
                // group's label ("其他处 2，申请人…"), numbers the row's label.
                label.Append(ch);
                i++;
                continue;
            }

            if (IsDigit(ch) && !IsNumberingInParentheses(text, i) && !(i > 0 && text[i - 1] is '第'))
            {
                var j = ScanNumber(text, i);
                var run = text[i..j];
                var after = j < text.Length && text[j] == ' ' ? j + 1 : j;
                if (after < text.Length && DateSuffixes.Contains(text[after]))
                {
                    // "2024年", "3月", "95%": prose, not a cell.
                    Flush();
                    label.Append(run);
                    i = j;
                    continue;
                }

                if ((IsNumbering(text, j) || IsClosedNumbering(text, i, j) || IsCommaNumbering(text, j) || IsGluedNumbering(text, i, j)) && run.Length >= 1 && char.IsAsciiDigit(TextKey.Narrow(run[^1])))
                {
                    // The last digit numbers the next row ("…00000002.其他法律…").
                    var number = run[..^1];
                    if (number.Length > 0 && !number.EndsWith(',') && !number.EndsWith('.')) data.Add(number);
                    Flush();
                    if (number.Length > 0 && (number.EndsWith(',') || number.EndsWith('.'))) label.Append(number);
                    label.Append(run[^1]);
                    i = j;
                    continue;
                }

                var unitEnd = MisreadEnd(text, i, j) is { } misread ? misread : UnitEnd(text, j);
                if (label.Length > 0 && data.Count == 0 && !EndsLabel(label)) label.Append(' ');
                data.Add(text[i..unitEnd]);
                i = unitEnd;
                continue;
            }

            // A cell that starts with a letter put for a digit ("l41", "I"), or the letter O put for zero, standing
            // among the row's cells: one cell (CountCell reads "O" as zero; "l41" is null, with an error naming it).
            // As label text, "l" joined the row's label and "41" was read as the cell.
            if (ch is 'O' or 'o' or 'l' or 'I' && (i == 0 || TextKey.IsSpace(text[i - 1])) && MisreadEnd(text, i, i) is { } cellEnd
                && (data.Count > 0 || DataFollows(text, cellEnd)))
            {
                if (label.Length > 0 && data.Count == 0 && !EndsLabel(label)) label.Append(' ');
                data.Add(text[i..cellEnd]);
                i = cellEnd;
                continue;
            }

            if (TextKey.IsSpace(ch))
            {
                if (data.Count == 0 && label.Length > 0 && label[^1] != ' ') label.Append(' ');
                i++;
                continue;
            }

            if (data.Count > 0 && IsGluedMark(text, i))
            {
                // "13415160/-291", "000-/1515": html-to-text runs a table's cells together, zero marks among them. A dash
                // of the Chinese form ("——", a 破折号) is one mark however many characters it takes.
                var markEnd = i + 1;
                if (text[i] is '—' or '―') while (markEnd < text.Length && text[markEnd] == text[i]) markEnd++;
                data.Add(text[i..markEnd]);
                i = markEnd;
                continue;
            }

            if (IsZeroMark(text, i, out var end) && (data.Count > 0 || DataFollows(text, end) || (label.Length > 0 && RestIsBlank(text, end) && i > 0 && TextKey.IsSpace(text[i - 1]) && !WordsGoOn(label))))
            {
                data.Add(text[i..end]);
                i = end;
                continue;
            }

            if ((data.Count > 0 || (label.Length > 0 && i > 0 && TextKey.IsSpace(text[i - 1])) || (label.Length == 0 && OpensAlone(text, i))) && IsSigned(text, i))
            {
                // The 2019 template's 本年增/减 column: "31 -1 1065".
                var scanned = ScanNumber(text, i + 1);
                if ((IsNumbering(text, scanned) || IsClosedNumbering(text, i + 1, scanned) || IsCommaNumbering(text, scanned) || IsGluedNumbering(text, i + 1, scanned))
                    && char.IsAsciiDigit(TextKey.Narrow(text[scanned - 1])))
                {
                    // "…000-02.其他法律…": the last digit numbers the next row; the dash and digits before it are cells.
                    data.Add(text[i..(scanned - 1)]);
                    Flush();
                    label.Append(text[scanned - 1]);
                    i = scanned;
                    continue;
                }

                var j = UnitEnd(text, scanned);
                data.Add(text[i..j]);
                i = j;
                continue;
            }

            Flush();
            label.Append(ch);
            i++;
        }

        if (data.Count > 0) Flush();
        else if (label.ToString().Trim() is { Length: > 0 } rest) rows.Add(new RowParts(rest, [], rest));
        return rows;
    }

    private static bool EndsLabel(StringBuilder label) => label[^1] == ' ';

    // "0  0  - 0 -  /" is a row of cells, not a page number: a page number stands between words.
    private static bool AmongCells(string text, System.Text.RegularExpressions.Match m)
    {
        static bool Cell(char c) => IsDigit(c) || c is '-' or '—' or '－' or '–' or '/' or '／' or '无';
        var before = m.Index - 1;
        while (before >= 0 && TextKey.IsSpace(text[before])) before--;
        var after = m.Index + m.Length;
        while (after < text.Length && TextKey.IsSpace(text[after])) after++;
        if ((before >= 0 && Cell(text[before])) || (after < text.Length && Cell(text[after]))) return true;
        // "行政强制 - 5 -": a row's label and then its cells to the end of the line ("-" zero, 5, "-"
        // zero), with no number before; a page number joined into a line has text after it.
        return after >= text.Length && before >= 0 && char.IsLetter(text[before]) && !HasDigit(text[..m.Index]);
    }

    public static bool IsDigit(char ch) => TextKey.Narrow(ch) is >= '0' and <= '9';

    // Digits with thousands separators and a decimal part: "1,234", "24252.311082".
    private static int ScanNumber(string text, int i)
    {
        var j = i;
        while (j < text.Length)
        {
            var c = TextKey.Narrow(text[j]);
            if (c is >= '0' and <= '9')
            {
                j++;
                continue;
            }

            if (c is ',' or '.' && j + 1 < text.Length && IsDigit(text[j + 1]) && j > i)
            {
                j++;
                continue;
            }

            break;
        }

        return j;
    }

    // "2其他法律行政法规禁止公开", "…00000002其他法律…": a reason's own number glued to its words, its point
    // dropped or typed as another character ("2和其他法律…"), numbers the row; so does a digit alone that opens
    // a line, a space before the reason's words ("2 其他法律…  0 0 …"), or before any words where the line holds no
    // number (a label wrapped in a narrow column, "5 要求" over "行政机"). Read as a cell, the "2" joined the row
    // above as an eighth number. Only the reason's own number: "行政强制 5第二十条" stays a cell.
    private static bool IsGluedNumbering(string text, int i, int j)
    {
        var k = j;
        if (i == 0 && j == 1 && k < text.Length && TextKey.IsSpace(text[k])) k++;
        // "…0/0--  2 其他法律行政法规禁止公开": a digit alone between spaces, then the words of the reason it numbers.
        if (k == j && j == i + 1 && i > 0 && TextKey.IsSpace(text[i - 1]) && k + 1 < text.Length && text[k] == ' '
            && RowNumbering.NumbersReason(TextKey.Narrow(text[i]), text, k + 1)) return true;
        // "5件", "3人", "5余件" alone on a line: a cell with its unit (pdftotext without -layout gives each cell a line).
        if (k >= text.Length || text[k] is not (>= '\u4e00' and <= '\u9fff') || UnitChars.Contains(text[k]) || text[k] == '余') return false;

        // "5 要求" over "行政机" in a narrow column: a digit that opens a line of words and no number. Not a line of
        // cells written as marks ("0 无 无 无 无 无 无", pdftotext -raw of a row whose label wrapped above it): "0" numbers no
        // row, and marks are no words.
        if (i == 0 && j == 1 && !HasDigit(text[k..])) return TextKey.Narrow(text[i]) != '0' && !MarksOnly(text[k..]);
        var digit = TextKey.Narrow(text[j - 1]);
        return RowNumbering.NumbersReason(digit, text, k)
            || (k == j && k + 3 < text.Length && !ReasonStarts.Contains(text.Substring(k, 2)) && RowNumbering.NumbersReason(digit, text, k + 1));
    }

    // Two cells or more written as zero marks, and nothing else: "无 无 无", "— / —".
    private static bool MarksOnly(string text)
    {
        var cells = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return cells.Length >= 2 && cells.All(c => !HasDigit(c) && CountCell.Classify(c) == CellKind.Number);
    }

    // A label that the template's words go on from with "无" ("1.申请人 无" over "正当理由逾期…", "4. 无" over
    // "正当理由大量…"): a stray space before it, at a line's end, leaves it a word, not a cell written "无".
    private static bool WordsGoOn(System.Text.StringBuilder label)
    {
        var text = label.ToString().TrimEnd();
        return text.EndsWith("申请人", StringComparison.Ordinal) || RowNumbering.IsAlone(text);
    }

    // "2." "3．" "1、" followed by the row's text.
    private static bool IsNumbering(string text, int j)
    {
        if (j >= text.Length || TextKey.Narrow(text[j]) is not ('.' or '、')) return false;
        var k = j + 1;
        while (k < text.Length && text[k] == ' ') k++;
        // "2." ending a line is the number of a label wrapped to the next line; "2." and then, after
        // spaces, the row's numbers is a numbering whose label text pdftotext set on another line
        // ("提供      2.          0   0   0 …"): a number never ends in its decimal point.
        return k >= text.Length || (!IsDigit(text[k]) && !TextKey.IsSpace(text[k])) || (k > j + 1 && TextKey.Narrow(text[j]) == '.' && IsDigit(text[k]));
    }

    // "2）其他法律…", "3)危及…": a digit closed by a parenthesis and then the row's words (Chinese, or the
    // quote of "“三安全一稳定”") numbers the row, also glued to the cells before it ("00000002）其他…"). Not a
    // number in parentheses ("（2023）"), and not one followed by digits or by nothing.
    private static bool IsClosedNumbering(string text, int i, int j)
    {
        if (j >= text.Length || TextKey.Narrow(text[j]) != ')' || (i > 0 && TextKey.Narrow(text[i - 1]) == '(')) return false;
        var k = j + 1;
        if (k < text.Length && text[k] == ' ') k++;
        return k < text.Length && text[k] is >= '\u4e00' and <= '\u9fff' or '“' or '"';
    }

    // A digit 1 to 9 alone that opens a label, with a comma or colon typed for its point ("1，属于国家秘密",
    // "1,属于…", "1：属于…"), either a space away ("1 .属于…", "3 ，其他"), and then Chinese words:
    // the numbering of the row's label, never a cell (a cell stands apart from the label, right of it).
    // A digit glued to Chinese without these ("行政强制 5第二十条…") is a cell of run-together text.
    private static bool OpensLabel(string text, int i)
    {
        if (TextKey.Narrow(text[i]) is < '1' or > '9' || (i + 1 < text.Length && IsDigit(text[i + 1]))) return false;
        var k = i + 1;
        if (k + 1 < text.Length && text[k] == ' ' && TextKey.Narrow(text[k + 1]) is '.' or '、' or ',' or ':') k += 2;
        else if (k < text.Length && TextKey.Narrow(text[k]) is ',' or '，' or ':') k++;
        else
        {
            // "不予公开 2其他法律…", "不予公开 2 其他法律…": the reason's own number, its point dropped.
            return RowNumbering.NumbersReason(TextKey.Narrow(text[i]), text, k < text.Length && text[k] == ' ' ? k + 1 : k);
        }

        if (k < text.Length && text[k] == ' ') k++;
        return k < text.Length && text[k] is >= '\u4e00' and <= '\u9fff';
    }

    // The first two characters of each numbered reason's words in table 三 ("属于", "其他", "危及", "申请"…).
    private static readonly HashSet<string> ReasonStarts = Warehouse.Core.DisposalCategories.All
        .Where(c => c.Label.Length > 4 && char.IsAsciiDigit(c.Label[0]) && c.Label[1] == '.')
        .Select(c => c.Label.Substring(2, 2)).ToHashSet(StringComparer.Ordinal);

    // "…004037142，申请人逾期未按…": a comma or colon typed for the numbering's point, glued to the cells
    // before it, and then the words a reason of table 三 starts with, or the reason that digit numbers with one of
    // its first characters dropped or misprinted ("…000000 08，于行政查询事项"). Only those words: a count and a
    // comma in a sentence ("共17，其中…") stay a count.
    private static bool IsCommaNumbering(string text, int j)
    {
        if (j >= text.Length || TextKey.Narrow(text[j]) is not (',' or '，' or ':')) return false;
        var k = j + 1;
        if (k < text.Length && text[k] == ' ') k++;
        return k + 2 <= text.Length && (ReasonStarts.Contains(text.Substring(k, 2)) || ReasonStarts.Contains(FirstTwo(text, k))
            || (j > 0 && RowNumbering.NumbersReasonMisprinted(TextKey.Narrow(text[j - 1]), text, k)));
    }

    // The first two characters from k that are no spaces: a stray space inside a reason's words ("2，重 复申请").
    private static string FirstTwo(string text, int k)
    {
        Span<char> two = stackalloc char[2];
        var n = 0;
        for (var i = k; i < text.Length && i < k + 4 && n < 2; i++)
        {
            if (!TextKey.IsSpace(text[i])) two[n++] = text[i];
        }

        return n == 2 ? two.ToString() : "";
    }

    // "（1）属于国家秘密": the digit is the row's number.
    private static bool IsNumberingInParentheses(string text, int i) =>
        i > 0 && text[i - 1] is '（' or '(' && i + 1 < text.Length && text[i + 1] is '）' or ')';

    // A unit written in the cell ("12条", "3件", "356.20万元") belongs to the number.
    private static int UnitEnd(string text, int j)
    {
        // "141 条", "7120900 元": a unit a space or two after its number, standing alone.
        var k = j;
        while (k < text.Length && k - j < 2 && text[k] == ' ') k++;
        if (k < text.Length && text[k] == '万' && k + 1 < text.Length && text[k + 1] == '元' && Ends(text, k + 2)) return k + 2;
        if (k < text.Length && UnitChars.Contains(text[k]) && (k == j || Ends(text, k + 1) || MarkAlone(text, k + 1)))
        {
            // A unit, unless it starts the next label's text ("3件" then "申请…" is rare; "1起诉" is not a unit). A zero
            // mark may follow it, the next cell set against it ("20 件-").
            if (Ends(text, k + 1) || IsDigit(text[k + 1]) || MarkAlone(text, k + 1)) return k + 1;
        }

        return j;
    }

    // A dash or slash at k and then a space or the end: a zero mark, a cell of its own.
    private static bool MarkAlone(string text, int k) =>
        k < text.Length && text[k] is '-' or '—' or '–' or '－' or '―' or '/' or '／' && Ends(text, k + 1);

    private static bool Ends(string text, int k) => k >= text.Length || TextKey.IsSpace(text[k]) || text[k] is '|' or '\t';

    // The end of a cell of digits and the letters O, o, l, I put for them ("1O", "3l9", "l41", a lone "O" or "l") that
    // starts at start and whose digits scanned so far end at digitsEnd, or null when no such cell stands there: with
    // no letter, or with other text glued to it ("1Os", "5G").
    private static int? MisreadEnd(string text, int start, int digitsEnd)
    {
        var k = digitsEnd;
        var letter = false;
        while (k < text.Length && (IsDigit(text[k]) || text[k] is 'O' or 'o' or 'l' or 'I'))
        {
            letter |= !IsDigit(text[k]);
            k++;
        }

        if (!letter || !Ends(text, k) || k - start > 12) return null;
        var cell = text[start..k];
        return cell is "O" or "o" || CountCell.IsMisread(cell) ? k : null;
    }

    // "-1", "+3" standing alone after a row's first number.
    private static bool IsSigned(string text, int i) =>
        text[i] is '-' or '+' or '－' && (i == 0 || TextKey.IsSpace(text[i - 1]) || IsDigit(text[i - 1])) && i + 1 < text.Length && IsDigit(text[i + 1]);

    // A signed number that opens its line and stands alone on it ("-2" in text with a cell per line,
    // pdftotext without -layout): a cell of the 2019 template's 本年增/减 column, not a label "-".
    private static bool OpensAlone(string text, int i)
    {
        if (i + 1 >= text.Length || !IsDigit(text[i + 1]) || text.AsSpan(0, i).Trim().Length > 0) return false;
        var end = ScanNumber(text, i + 1);
        return end >= text.Length || TextKey.IsSpace(text[end]);
    }

    // After a mark, more cells follow on the line: a number or another mark, past the spaces.
    private static bool DataFollows(string text, int end)
    {
        var k = end;
        while (k < text.Length && text[k] is ' ' or '\t' or '\u3000') k++;
        if (k == end) return k < text.Length && text[k - 1] == '无' && text[k] == '无' && IsZeroMark(text, k, out _);
        return k < text.Length && (IsDigit(text[k]) || IsZeroMark(text, k, out _) || (text[k] is '-' or '+' && k + 1 < text.Length && IsDigit(text[k + 1]))
            // A cell left blank, at its column (BlankCells): "（六）其他处理  /  (mark)  0 …" is a mark, a blank, then numbers.
            || text[k] == BlankCells.Mark
            // A cell misread as a letter ("无  I  无 …"), itself before other cells.
            || (text[k] is 'O' or 'o' or 'l' or 'I' && MisreadEnd(text, k, k) is { } cellEnd && DataFollows(text, cellEnd)));
    }

    // "行政强制        -": a mark that ends the line after a label is the row's only cell.
    private static bool RestIsBlank(string text, int end)
    {
        for (var k = end; k < text.Length; k++)
        {
            if (!TextKey.IsSpace(text[k])) return false;
        }

        return true;
    }

    private static bool IsMarkChar(char c) => c is '-' or '—' or '－' or '–' or '―' or '/' or '／';

    // A dash or slash glued to the cell before it, a number or another mark, and followed by a number, a mark, a space
    // or the end: a zero mark of cells that a tool ran together ("60/-291"); so are marks after a space glued to a
    // number or another mark ("0 /5", "0 --5"). A dash between two numbers stays a sign
    // ("31-1" in the 2019 template's 本年增/减; counts read it as a mark and a number, DigitSplitter.Pieces).
    private static bool IsGluedMark(string text, int i)
    {
        var c = text[i];
        if (!IsMarkChar(c) || i == 0) return false;
        var space = TextKey.IsSpace(text[i - 1]);
        if (!(IsDigit(text[i - 1]) || IsMarkChar(text[i - 1]) || space)) return false;
        if (space)
        {
            // After a space, marks standing alone are one cell however written (" -- ", " —— ": IsZeroMark); glued to a
            // number or another mark they are cells run together (" /5", " --5", " -/5"); " -5" is a sign.
            var j = i + 1;
            while (j < text.Length && text[j] == c) j++;
            if (j >= text.Length || TextKey.IsSpace(text[j])) return false;
            if (IsMarkChar(text[j])) return true;
            return IsDigit(text[j]) && !(j == i + 1 && c is '-' or '－' or '–');
        }

        if (i + 1 >= text.Length || TextKey.IsSpace(text[i + 1]) || IsMarkChar(text[i + 1])) return true;
        if (!IsDigit(text[i + 1])) return false;
        return !(c is '-' or '－' or '–' && IsDigit(text[i - 1]));
    }

    private static bool IsZeroMark(string text, int i, out int end)
    {
        end = i;
        var c = text[i];
        if (c is not ('-' or '—' or '－' or '–' or '―' or '/' or '／' or '\\' or '无')) return false;
        var j = i + 1;
        while (j < text.Length && text[j] == c && c != '无') j++;
        // Only a mark standing alone between spaces or cells counts as a zero. "无" is never part of a
        // number or of another mark, so text that lost the space beside it ("0无", "无无", "无3件") still
        // shows the boundary; "无法提供", "人无正当理由" stay words.
        var after = j >= text.Length || TextKey.IsSpace(text[j]) || (c == '无' && (IsDigit(text[j]) || (text[j] == '无' && IsZeroMark(text, j, out _))))
            // "/6", "—6": the same against the cell after it (a "-" there is a sign: "-1" in 本年增/减).
            || (c is '/' or '／' or '—' or '―' && j == i + 1 && IsDigit(text[j]) && i > 0 && TextKey.IsSpace(text[i - 1]));
        // A dash or slash right after a number (or its unit) and before a space is a cell of its own that pdftotext set
        // against its narrow neighbour ("0-  00", "20 件-  3件"): a number has no dash at its end.
        var before = i == 0 || TextKey.IsSpace(text[i - 1]) || (c == '无' && (IsDigit(text[i - 1]) || text[i - 1] == '无' || UnitChars.Contains(text[i - 1])))
            || (c != '无' && j == i + 1 && (IsDigit(text[i - 1]) || UnitChars.Contains(text[i - 1])) && (j == text.Length || TextKey.IsSpace(text[j])))
            // "（六）其他处理/    2  /  …": the first cell set against the label's last word, the row's numbers after it.
            || (c != '无' && c != '\\' && j == i + 1 && text[i - 1] is >= '\u4e00' and <= '\u9fff' && j < text.Length && TextKey.IsSpace(text[j]) && DataFollows(text, j));
        if (!before || !after) return false;
        end = j;
        return true;
    }

    // No page is numbered 0: "规章 - 0 -" is a row of three cells.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^|\s)(?:[-—–－]\s?[1-9]\d{0,2}\s?[-—–－]|第\s?[1-9]\d{0,2}\s?页(?:\s?[,，/]?\s?共\s?\d{1,3}\s?页)?)(?=\s|$)")]
    private static partial System.Text.RegularExpressions.Regex PageNumber();
}
