using System.Globalization;
using System.Text;

namespace Warehouse.Corpus.Rendering;

/// <summary>How a layout writes numbers: "1,234", full-width digits, "-" or "/" or nothing for zero.</summary>
public sealed class NumberStyle(Random rng, bool blanks, bool fullWidth, bool leadingSpace)
{
    public string Format(decimal value)
    {
        var text = value == 0 ? Zero() : NonZero(value);
        if (fullWidth && rng.NextDouble() < 0.08) text = Widen(text);
        if (leadingSpace && rng.NextDouble() < 0.1) text = " " + text;
        return text;
    }

    /// <summary>
    /// Whether a zero may be left blank (one in ten), as set by the constructor; a renderer may turn it on for one table
    /// only. The draws stay the same either way: only what the tenth of zeros prints changes.
    /// </summary>
    public bool Blanks { get; set; } = blanks;

    /// <summary>
    /// Whether every zero is left blank (an office that types no zeros): the draws stay the same, only what a zero prints
    /// changes.
    /// </summary>
    public bool NoZeros { get; set; }

    private string Zero()
    {
        var draw = rng.NextDouble();
        return NoZeros ? "" : draw switch
        {
            < 0.75 => "0",
            < 0.85 => "-",
            < 0.9 => "/",
            _ => Blanks ? "" : "0",
        };
    }

    private string NonZero(decimal value)
    {
        if (value != decimal.Truncate(value)) return value.ToString("0.##", CultureInfo.InvariantCulture);
        return Math.Abs(value) >= 1000 && rng.NextDouble() < 0.7
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("0", CultureInfo.InvariantCulture);
    }

    private static string Widen(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text) sb.Append(ch is >= '0' and <= '9' or ',' ? (char)(ch + 0xFEE0) : ch);
        return sb.ToString();
    }
}
