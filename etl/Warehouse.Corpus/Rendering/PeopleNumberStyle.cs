using System.Globalization;
using System.Text;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// Numbers as the people who fill in the template write them, in layouts that keep cell boundaries:
/// units in cells ("12件", "3条", "5份", "356.20万元", or "418000元" in the 万元 column), "—", "/", "无",
/// "〇", "零" or a blank for zero, full-width digits, thousands separators. Every form states the same value.
/// </summary>
public sealed class PeopleNumberStyle
{
    private readonly Random _rng;
    private readonly bool _fullWidth;
    private readonly double _unitShare;
    private readonly int _feeForm;
    private readonly string _zero;

    /// <param name="blanks">Whether a zero may be left blank (never in a PDF, which has no empty cells to read).</param>
    /// <param name="fullWidth">Whether digits may be full-width (a PDF's narrow cells would wrap them mid-number).</param>
    /// <param name="chineseZeros">Whether zero may be the numeral 〇 or the word 零 (in grids: documents whose cells keep their boundaries).</param>
    public PeopleNumberStyle(Random rng, bool blanks, bool fullWidth = true, bool chineseZeros = false)
    {
        _rng = rng;
        _fullWidth = fullWidth;
        // Some offices write a unit in every cell, some in a few, some in none.
        _unitShare = rng.NextDouble() switch { < 0.4 => 0.9, < 0.7 => 0.3, _ => 0 };
        _feeForm = rng.Next(3);
        string[] zeros = ["0", "—", "/", "无", "-", blanks ? "" : "0", .. chineseZeros ? new[] { "〇", "零" } : []];
        _zero = zeros[rng.Next(zeros.Length)];
    }

    public string Format(decimal value, string? unit)
    {
        if (value == 0) return Zero();
        if (unit == "万元") return Amount(value);
        var text = Math.Abs(value) >= 1000 && _rng.NextDouble() < 0.5
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("0", CultureInfo.InvariantCulture);
        if (_rng.NextDouble() < 0.1 && _fullWidth) text = Widen(text);
        return unit is not null && _rng.NextDouble() < _unitShare ? text + unit : text;
    }

    // An office writes zero its own way, now and then a plain 0.
    private string Zero() => _rng.NextDouble() < 0.2 ? "0" : _zero;

    // 行政事业性收费 in its 万元 column: "356.20万元", or in yuan, "3562000元" (the office forgot the unit of the column).
    private string Amount(decimal value) => _feeForm switch
    {
        0 => value.ToString("0.00", CultureInfo.InvariantCulture) + "万元",
        1 => (value * 10000).ToString("0", CultureInfo.InvariantCulture) + "元",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static string Widen(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text) sb.Append(ch is >= '0' and <= '9' or ',' ? (char)(ch + 0xFEE0) : ch);
        return sb.ToString();
    }
}
