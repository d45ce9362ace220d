using System.Globalization;

namespace Warehouse.Parsing.Text;

public enum CellKind
{
    Empty,
    Number,
    Label,
}

/// <summary>Reads the numbers of a table cell.</summary>
public static class CountCell
{
    // Portals write zero as "-", "/", "—" or leave the cell blank.
    private static readonly HashSet<string> ZeroMarks = ["-", "/", "—", "－", "–", "―", "——", "--", "\\", "／"];

    public static string Clean(string raw) => TextKey.Compact(raw);

    public static CellKind Classify(string raw)
    {
        // The common cases without allocating: blank, digits, separators.
        var sawAny = false;
        var numeral = true;
        foreach (var c in raw)
        {
            if (TextKey.IsSpace(c)) continue;
            sawAny = true;
            var ch = TextKey.Narrow(c);
            if (ch is not ((>= '0' and <= '9') or ',' or '.')) numeral = false;
        }

        if (!sawAny) return CellKind.Empty;
        if (!numeral && raw.Length > 12) return CellKind.Label;
        var text = Clean(raw);
        if (ZeroMarks.Contains(text)) return CellKind.Number;
        if (numeral) return IsNumeral(text) ? CellKind.Number : CellKind.Label;

        // The 2019 template's 本年增/减 column holds signed changes: "-2", "+3".
        return text.Length > 1 && text[0] is '-' or '+' && IsNumeral(text[1..]) ? CellKind.Number : CellKind.Label;
    }

    /// <summary>A whole count, or null when the cell is not one. Blank and dash marks are zero.</summary>
    public static int? ReadCount(string raw)
    {
        var text = Clean(raw);
        if (text.Length == 0 || ZeroMarks.Contains(text)) return 0;
        if (!IsNumeral(text)) return null;
        var digits = text.Replace(",", "", StringComparison.Ordinal);
        if (digits.EndsWith(".0", StringComparison.Ordinal)) digits = digits[..^2];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
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
    public static decimal? ReadAmount(string raw)
    {
        var text = Clean(raw);
        if (text.Length == 0 || ZeroMarks.Contains(text)) return 0m;
        if (!IsNumeral(text)) return null;
        return decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
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
