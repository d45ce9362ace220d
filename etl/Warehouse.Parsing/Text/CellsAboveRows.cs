using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Puts back a table 二 cell that a printer set a line above its row, in text laid out by columns
/// (<c>pdftotext -layout</c> of an office suite's or a browser's print: real/pingtan-2020-libreoffice-layout.txt).
/// A cell whose number the office suite centred on a taller cell ends up alone on the line above:
/// "                       442" over "行政许可         396               278". The lone number is put
/// into the row at its column ("行政许可  396  442  278") only when all of these hold:
/// <list type="bullet">
/// <item>its line holds that number (or a mark for none: "-", "/", "无") alone, indented (a cell's place, not a paragraph), right above the row;</item>
/// <item>the row is a label then numbers in columns, and the number stands over the row's blank space,
/// two characters clear of every number of the row and of the label as drawn (a CJK character two wide);</item>
/// <item>the line above it and the line below the row hold no digit (blank lines or headings, as an office
/// suite's print sets them): a number there could make it another row's wrapped end, or be taken for
/// the row's own wrapped pieces once the row is whole;</item>
/// <item>within eight lines a line of the same table holds one column more than the row: a fellow row of
/// a label and that many numbers, or the header (a label and that many column headings).</item>
/// </list>
/// Any other lone number is left where it stands, and the row stays short (its cells null, with the
/// error that names it): a number is never moved on a guess.
/// </summary>
internal static partial class CellsAboveRows
{
    private const int Reach = 8;

    /// <summary>The lines, with each lone number that belongs to the row below it moved into that row; the same array when none does.</summary>
    public static string[] Apply(string[] lines)
    {
        List<string>? result = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (i + 1 < lines.Length && Moved(lines, i) is { } row)
            {
                // The row's line takes the number; the number's own line goes.
                result ??= [.. lines[..i]];
                result.Add(row);
                i++;
                continue;
            }

            result?.Add(lines[i]);
        }

        return result?.ToArray() ?? lines;
    }

    // Line i + 1 with line i's lone number in it; null when line i is no such number.
    private static string? Moved(string[] lines, int i)
    {
        // Most lines are no lone number: told by a look at the line before any allocation.
        var text = lines[i].AsSpan();
        var indent = text.Length - text.TrimStart(" \f").Length; // a page's first line holds a form feed for a space
        var word = text.Trim();
        if (indent < 4 || word.Length is 0 or > 24 || word.ContainsAny(' ', '\t', '\u3000') || !IsNumber(word.ToString())) return null;
        var lone = Segments(lines[i]);
        var row = Segments(lines[i + 1]);
        if (row.Count < 2 || IsNumber(row[0].Text) || row[0].Text.Any(char.IsAsciiDigit) || !row.Skip(1).All(s => IsNumber(s.Text))) return null;

        var (start, end) = (lone[0].Start, lone[0].Start + lone[0].Text.Length);
        // Clear of the label and of every number of the row, by two characters. The label is measured as
        // it is drawn (a CJK character two columns wide): pdftotext sets each in one, so a number under
        // the label's second half stands in its first columns after it.
        if (start < row[0].Start + row[0].Text.Sum(PlainTextLayout.DisplayWidth) + 2 || row.Skip(1).Any(s => start < s.Start + s.Text.Length + 2 && s.Start < end + 2)) return null;
        // Nothing around that could be another row's cells: the line above the number and the line below the
        // row hold no digit (blank, or a heading). The number could otherwise be a wrapped end of the row
        // above, and with three cells the row would take a neighbour's short numbers as its wrapped pieces
        // (WrappedNumbers): "其他事项  5  9" over it read as 5396 and 9278.
        if ((i > 0 && lines[i - 1].AsSpan().IndexOfAnyInRange('0', '9') >= 0) || (i + 2 < lines.Length && lines[i + 2].AsSpan().IndexOfAnyInRange('0', '9') >= 0)) return null;

        var columns = row.Count; // the row's numbers and the lone one
        var fellow = false;
        for (var k = Math.Max(0, i - Reach); k < Math.Min(lines.Length, i + 2 + Reach) && !fellow; k++)
        {
            if (k == i || k == i + 1) continue;
            var other = Segments(lines[k]);
            fellow = other.Count == columns + 1 && !IsNumber(other[0].Text)
                && (other.Skip(1).All(s => IsNumber(s.Text)) || other.Skip(1).All(s => !s.Text.Any(char.IsAsciiDigit)));
        }

        if (!fellow) return null;
        var line = lines[i + 1].PadRight(end);
        return line[..start] + lone[0].Text + line[end..];
    }

    private sealed record Segment(int Start, string Text);

    // The line's pieces between runs of two or more spaces.
    private static List<Segment> Segments(string line) =>
        Piece().Matches(line).Select(m => new Segment(m.Index, m.Value)).ToList();

    // A cell as printed: a number, or a mark for none ("-", "—", "/", "无").
    private static bool IsNumber(string text) => Number().IsMatch(text) || text is "-" or "—" or "－" or "/" or "／" or "无";

    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex Piece();

    // A count or an amount; table 二's 本年增/减 may be negative ("-18").
    [GeneratedRegex(@"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")]
    private static partial Regex Number();
}
