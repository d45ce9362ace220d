using System.Globalization;

namespace Warehouse.Parsing.Text;

public enum CellKind
{
    Empty,
    Number,
    Label,
}

/// <summary>Reads the numbers of a table cell.</summary>
public static partial class CountCell
{
    // Portals write zero as "-", "/", "—", "无", the numeral 〇 or the word 零, or leave the cell blank;
    // a zero typed or recognised (OCR) as the letter O ("O", "o"; full-width "Ｏ" is width-folded first) is that zero too.
    private static readonly HashSet<string> ZeroMarks = ["-", "/", "—", "－", "–", "―", "——", "--", "\\", "／", "无", "〇", "零", "O", "o"];

    // Every character, besides digits and separators, of the number forms Classify accepts: signs,
    // zero marks, units (万元 included), and the words of round figures (余, 多, 约, 近).
    private static readonly System.Buffers.SearchValues<char> NumberChars = System.Buffers.SearchValues.Create("+-/\\—–―\uFF0D\uFF0F无〇零Oo" + CountUnits + "元万余多约近");

    // Units people write in cells: "12件", "3条", "5份" (documents), "2篇", "356.20万元", "418000元".
    private const string CountUnits = "件条个项次起人家宗份篇";

    private static bool IsUnit(char c) => CountUnits.Contains(c, StringComparison.Ordinal) || c == '元';

    public static string Clean(string raw) => TextKey.Compact(raw);

    /// <summary>
    /// True when the text is Word's prompt in a content control left empty ("单击或点击此处输入文字。", "Click or tap here
    /// to enter text."), as a text export or a converter writes it: the cell holds nothing (DOCX reading drops the prompt
    /// by its <c>w:showingPlcHdr</c>).
    /// </summary>
    public static bool IsPrompt(string raw) => Prompts.Contains(raw.Trim().TrimEnd('。', '.'));

    // Word's prompts, zh-CN and en-US, of the versions since 2010, without their last full stop.
    private static readonly HashSet<string> Prompts =
    [
        "单击或点击此处输入文字", "单击此处输入文字", "单击或点击此处输入日期", "单击此处输入日期", "点击或点按此处输入文字",
        "Click or tap here to enter text", "Click here to enter text", "Click or tap to enter a date", "Click here to enter a date",
    ];

    public static CellKind Classify(string raw)
    {
        if (IsPlainCount(raw)) return CellKind.Number;
        if (raw.Length >= 8 && IsPrompt(raw)) return CellKind.Empty;

        // The common cases without allocating: blank, digits, separators.
        var shown = 0;
        var numeral = true;
        var digit = false;
        foreach (var c in raw)
        {
            if (TextKey.IsSpace(c)) continue;
            shown++;
            var ch = TextKey.Narrow(c);
            if (ch is >= '0' and <= '9') digit = true;
            else if (ch is not (',' or '.'))
            {
                // A character that no number form below holds ("1.属于国家秘密"): a label, without cleaning.
                if (!NumberChars.Contains(ch)) return IsMisread(raw) ? CellKind.Number : CellKind.Label;
                numeral = false;
            }
        }

        if (shown == 0) return CellKind.Empty;
        if (!numeral && raw.Length > 12) return CellKind.Label;
        // Every number form but a zero mark (at most two characters) holds a digit: most labels end here.
        if (!digit && shown > 2) return CellKind.Label;
        var text = Clean(raw);
        if (ZeroMarks.Contains(text)) return CellKind.Number;
        // A number cut at its thousands by a wrap or a page break ("1,61" of "1,616") is a number
        // that cannot be read, not a label: as a label it joined the row's label and the row read
        // its other six cells as seven.
        if (numeral) return IsNumeral(text) || IsCutAtThousands(text) ? CellKind.Number : CellKind.Label;
        // A number written with a unit or as a round figure ends in a unit, 余 or 多, or starts with 约 or 近.
        var last = text[^1];
        var unitLast = IsUnit(last);
        if (unitLast && WithUnit(text) is not null) return CellKind.Number;
        if ((unitLast || last is '余' or '多' || text[0] is '约' or '近') && IsApproximate(text)) return CellKind.Number;

        // The 2019 template's 本年增/减 column holds signed changes: "-2", "+3", "-3条".
        return text.Length > 1 && text[0] is '-' or '+' && (IsNumeral(text[1..]) || WithUnit(text[1..]) is { } bare && !bare.EndsWith('元')) || IsMisread(text) ? CellKind.Number : CellKind.Label;
    }

    /// <summary>
    /// True when <paramref name="raw"/> is digits mixed with the letters that a typist or an OCR tool puts for 0
    /// and 1 ("1O", "l41", "3l9", "2I"): a number that cannot be read, not a label. As a label, "l41" gave its
    /// letter to the row's label and left "41", a wrong value; as a number its cell is unknown, with an error
    /// that names it (<see cref="ReadCount"/> gives null). A lone "O" is zero (<see cref="ZeroMarks"/>); a lone "l"
    /// or "I" is a 1 misread. Else not more letters than digits, and a digit first or last: "O2O" is a word.
    /// </summary>
    public static bool IsMisread(string raw)
    {
        var text = raw.AsSpan().Trim();
        if (text is "l" or "I") return true;
        var digits = 0;
        var letters = 0;
        foreach (var c in text)
        {
            var ch = TextKey.Narrow(c);
            if (ch is >= '0' and <= '9') digits++;
            else if (ch is 'O' or 'o' or 'l' or 'I') letters++;
            else if (ch != ',') return false;
        }

        return letters > 0 && letters <= digits && (IsDigit(text[0]) || IsDigit(text[^1]));

        static bool IsDigit(char c) => TextKey.Narrow(c) is >= '0' and <= '9';
    }

    // "1,61", "3,0", "2,": whole groups of three after the first, the last group short.
    private static bool IsCutAtThousands(string text) => CutAtThousands().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex("无|[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex GluedNones();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[1-9][0-9]{0,2}(?:,[0-9]{3})*,[0-9]{0,2}$")]
    private static partial System.Text.RegularExpressions.Regex CutAtThousands();

    /// <summary>Most cells: one to nine ASCII digits and nothing else, read without cleaning.</summary>
    private static bool IsPlainCount(string raw) => raw.Length is > 0 and <= 9 && !raw.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>A whole count, or null when the cell is not one. Blank and dash marks are zero.</summary>
    public static int? ReadCount(string raw)
    {
        if (IsPlainCount(raw)) return int.Parse(raw, NumberStyles.None, CultureInfo.InvariantCulture);

        var text = Clean(raw);
        // Word's prompt in an empty content control, as HTML, PDF and text exports keep it, is an empty cell.
        if (text.Length == 0 || ZeroMarks.Contains(text) || (text.Length >= 8 && IsPrompt(raw))) return 0;
        if (WithUnit(text) is { } bare && !bare.EndsWith('元')) text = bare;
        if (!IsNumeral(text)) return null;
        var digits = text.Replace(",", "", StringComparison.Ordinal);
        if (digits.EndsWith(".0", StringComparison.Ordinal)) digits = digits[..^2];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>
    /// A count cell and a zero mark printed without the space between them, as pdftotext sets two narrow cells
    /// of a table of counts: "0-" is 0 and "-", "-0" is "-" and 0, "12/" is 12 and "/"; the word 无 is a cell of
    /// its own wherever it stands ("无无" is two cells, "0无无" three). Digits run together ("00", "121") are not parted
    /// here: that is the digit splitter's work, over the table's arithmetic. The cells, or null when the text is not such
    /// a run. Only for tables of counts: table 二's 本年增/减 prints signs ("-1").
    /// </summary>
    public static string[]? SplitGluedMark(string raw)
    {
        var text = raw.Trim();
        if (text.Length < 2) return null;
        if (text.Contains('无') && text.All(c => c == '无' || char.IsAsciiDigit(c)))
        {
            return [.. GluedNones().Matches(text).Select(m => m.Value)];
        }

        var (first, last) = (text[0], text[^1]);
        if (IsMark(last) && text[..^1].All(char.IsAsciiDigit)) return [text[..^1], last.ToString()];
        if (IsMark(first) && text[1..].All(char.IsAsciiDigit)) return [first.ToString(), text[1..]];
        return null;

        static bool IsMark(char c) => c is '-' or '—' or '–' or '－' or '/' or '／';
    }

    /// <summary>
    /// The cells with each count glued to a zero mark (<see cref="SplitGluedMark"/>) as its cells, when there
    /// are fewer than <paramref name="expected"/> and the pairs so parted make no more than that; else the cells as they are.
    /// </summary>
    public static IReadOnlyList<string> WithGluedMarksParted(IReadOnlyList<string> cells, int expected)
    {
        if (cells.Count >= expected) return cells;
        var parted = new List<string>(expected);
        foreach (var cell in cells)
        {
            if (SplitGluedMark(cell) is { } pair) parted.AddRange(pair);
            else parted.Add(cell);
        }

        return parted.Count == cells.Count || parted.Count > expected ? cells : parted;
    }

    /// <summary>A whole number that may carry a sign (the 2019 template's 本年增/减), or null.</summary>
    public static int? ReadSigned(string raw)
    {
        var text = Clean(raw);
        if (text.Length > 1 && text[0] is '-' or '+' && !ZeroMarks.Contains(text))
        {
            return ReadCount(text[1..]) is { } n ? (text[0] == '-' ? -n : n) : null;
        }

        return ReadCount(raw);
    }

    /// <summary>A decimal amount (fees in 10,000 yuan), or null when the cell is not one.</summary>
    public static decimal? ReadAmount(string raw) => ReadAmount(raw, out _);

    /// <summary>
    /// A decimal amount in 10,000 yuan (the fee column's unit), or null when the cell is not one.
    /// A cell written in yuan ("418000元") is converted, and <paramref name="convertedFromYuan"/> says so.
    /// </summary>
    public static decimal? ReadAmount(string raw, out bool convertedFromYuan)
    {
        convertedFromYuan = false;
        var text = Clean(raw);
        if (text.Length == 0 || ZeroMarks.Contains(text) || (text.Length >= 8 && IsPrompt(raw))) return 0m;
        if (text.EndsWith("万元", StringComparison.Ordinal)) text = text[..^2];
        else if (WithUnit(text) is { } bare && !bare.EndsWith('元')) text = bare;
        else if (text.EndsWith('元'))
        {
            var yuan = ReadAmount(text[..^1], out _);
            convertedFromYuan = yuan is not null;
            return yuan / 10000m;
        }
        if (!IsNumeral(text)) return null;
        return decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
    }

    /// <summary>The number of a cell written with a unit ("12件" → "12", "356.20万元" → "356.20万元" stays), or null.</summary>
    private static string? WithUnit(string text)
    {
        if (text.Length < 2 || !IsUnit(text[^1])) return null;
        if (text.EndsWith("万元", StringComparison.Ordinal)) return IsNumeral(text[..^2]) ? text : null;
        if (text.EndsWith('元')) return IsNumeral(text[..^1]) ? text : null;
        return IsNumeral(text[..^1]) ? text[..^1] : null;
    }

    /// <summary>"40余条", "约30件", "近10条", "100多件": a figure people round, not an exact count.</summary>
    public static bool IsApproximate(string text)
    {
        var t = text;
        if (t.Length > 0 && t[0] is '约' or '近') t = t[1..];
        if (t.Length > 0 && CountUnits.Contains(t[^1], StringComparison.Ordinal)) t = t[..^1];

        return t.Length > 1 && t[^1] is '余' or '多' && IsNumeral(t[..^1]) || (t != text && IsNumeral(t) && text[0] is '约' or '近');
    }

    // Digits with optional thousands separators in groups of three, and an optional decimal part.
    private static bool IsNumeral(string text)
    {
        var i = 0;
        var digitsInGroup = 0;
        var sawComma = false;
        while (i < text.Length && text[i] != '.')
        {
            var ch = text[i];
            if (ch is >= '0' and <= '9') digitsInGroup++;
            else if (ch == ',')
            {
                if (digitsInGroup == 0 || (sawComma && digitsInGroup != 3) || (!sawComma && digitsInGroup > 3)) return false;
                sawComma = true;
                digitsInGroup = 0;
            }
            else return false;
            i++;
        }

        if (digitsInGroup == 0 || (sawComma && digitsInGroup != 3)) return false;
        if (i == text.Length) return true;
        i++;
        if (i == text.Length) return false;
        for (; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9') return false;
        }

        return true;
    }
}
