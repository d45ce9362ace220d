namespace Warehouse.Parsing.Text;

/// <summary>Folds label text so that layouts compare equal: widths, spaces, punctuation and markup go.</summary>
/// <remarks>
/// Hand-rolled instead of <c>Normalize(FormKC)</c>: reports only need full-width ASCII folded,
/// and this runs for every cell of every report (the parser's hottest path).
/// </remarks>
public static class TextKey
{
    private const string DroppedMarks = "“”\"'‘’、，,.．。；;：:·•*#（）()【】[]《》<>〈〉「」";

    // A table over every char: Fold asks this of every character of every label.
    private static readonly bool[] Dropped = DroppedTable();

    private static bool[] DroppedTable()
    {
        var table = new bool[char.MaxValue + 1];
        foreach (var ch in DroppedMarks) table[ch] = true;
        return table;
    }

    public static string Of(string text) => Fold(text, dropPunctuation: true);

    /// <summary>Width-folded text with white space removed (Chinese needs no spaces).</summary>
    public static string Compact(string text) => Fold(text, dropPunctuation: false);

    public static char Narrow(char ch) => ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch;

    /// <summary>Space, tab, line breaks, and above ASCII every Unicode white space plus the zero-width space and BOM.</summary>
    /// <remarks>CJK ideographs, most of a report, are answered by one range check before the Unicode lookup.</remarks>
    public static bool IsSpace(char ch) => ch < 128 ? ch is ' ' or '\t' or '\r' or '\n'
        : ch is not (>= '\u4e00' and <= '\u9fff') && (ch is '\u00a0' or '\u3000' or '\u200b' or '\ufeff' || char.IsWhiteSpace(ch));

    /// <summary>
    /// The length of the longest common subsequence of two folded labels: how many of one's characters
    /// the other holds in order. A dropped, added or misprinted character costs one.
    /// </summary>
    public static int CommonSubsequence(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var ca in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = ca == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    public static bool HasCjk(string text)
    {
        foreach (var ch in text)
        {
            if (ch is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf') return true;
        }

        return false;
    }

    private static string Fold(string text, bool dropPunctuation)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        var changed = false;
        foreach (var raw in text)
        {
            if (IsSpace(raw))
            {
                changed = true;
                continue;
            }

            var ch = Narrow(raw);
            if (dropPunctuation && (Dropped[raw] || Dropped[ch]))
            {
                changed = true;
                continue;
            }

            changed |= ch != raw;
            buffer[n++] = ch;
        }

        return changed ? new string(buffer[..n]) : text;
    }
}
