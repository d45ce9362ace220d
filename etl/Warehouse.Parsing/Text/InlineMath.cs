using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Markdown written by OCR tools that detect formulas (MinerU's pipeline) sets some plain numbers of a
/// scanned report as inline LaTeX, a space between each digit: "共发布各类信息 $2 0 4 1$ 条",
/// "关于 $2 0 1 9$ 年度", "$1 3 5 7 5 . 3 9$", "$9 5 \%$", and a circled number as "$\textcircled{2}$".
/// Such a formula is the number it shows: "2041", "2019", "13575.39", "95%", "②". A formula that is
/// more than a number (a letter, an operator, a fraction) is left as it is written. Mathpix Markdown writes the
/// same formulas between "\(" and "\)" ("\( 2041 \)"), read alike.
/// </summary>
public static partial class InlineMath
{
    /// <summary>The text with each inline formula that is only a number written as that number; the same string when there is none.</summary>
    public static string Apply(string text)
    {
        // Mathpix Markdown sets inline formulas between "\(" and "\)" ("共受理 \( 2041 \) 件").
        if (text.Contains("\\(", StringComparison.Ordinal)) text = ParenFormula().Replace(text, m => AsText(m.Groups[1].Value) ?? m.Value);
        if (!text.Contains('$', StringComparison.Ordinal)) return text;
        return Formula().Replace(text, m => AsText(m.Groups[1].Value) ?? m.Value);
    }

    // The number a formula's body shows, or null when it shows something else.
    private static string? AsText(string body)
    {
        if (Circled().Match(body) is { Success: true } c && int.TryParse(c.Groups[1].ValueSpan, out var n) && n is >= 1 and <= 20)
            return ((char)('\u2460' + n - 1)).ToString();

        var plain = new StringBuilder(body.Length);
        var rest = Wrapper().Replace(body, "$1");
        foreach (var ch in rest)
        {
            if (ch is ' ' or '{' or '}' or '\\') continue;
            plain.Append(ch);
        }

        return Number().IsMatch(plain.ToString()) ? plain.ToString() : null;
    }

    // "$…$" on one line, not "$$": a display formula stands on its own lines.
    [GeneratedRegex(@"(?<!\$)\$(?!\$)([^$\n]{1,60}?)(?<!\\)\$(?!\$)")]
    private static partial Regex Formula();

    [GeneratedRegex(@"\\\(([^\n]{1,60}?)\\\)")]
    private static partial Regex ParenFormula();

    [GeneratedRegex(@"^\s*\\textcircled\s*\{\s*(\d{1,2})\s*\}\s*$")]
    private static partial Regex Circled();

    // \mathrm{…}, \mathbf{…}, \text{…}: the text inside.
    [GeneratedRegex(@"\\(?:mathrm|mathbf|text|textbf|rm|bf)\s*\{([^{}]*)\}")]
    private static partial Regex Wrapper();

    // Digits, a thousands comma or a decimal point between digits, a sign, a percent.
    [GeneratedRegex(@"^[-+]?\d+(?:[.,]\d+)*%?$")]
    private static partial Regex Number();
}
