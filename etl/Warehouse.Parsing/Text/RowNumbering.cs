using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Text;

/// <summary>The numbering that opens a row's label in table 三: "（二）", "二、", "2.", "2）", as printed.</summary>
internal static partial class RowNumbering
{
    /// <summary>True when <paramref name="label"/> opens with a row's numbering ("（一）予以公开", "三、本年度…", "2.重复申请", "2）重复申请", "2，重复申请", "2 .重复申请"; not "1.5").</summary>
    public static bool StartsRow(string label) => Opening().IsMatch(label.TrimStart());

    /// <summary>
    /// True when <paramref name="text"/> is a numbering and nothing else ("5."): pdftotext sets one
    /// on a line of its own when a browser prints digits and Chinese on different baselines.
    /// </summary>
    public static bool IsAlone(string text) => Alone().IsMatch(text.Trim());

    [GeneratedRegex(@"^(?:[（(]\s*(?:[一二三四五六七八九十]+|\d)\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d\s*[.．、](?!\d)|\d\s*[)）](?=\s?[\u4e00-\u9fff“""])|\d\s?[，,:：](?=\s?[\u4e00-\u9fff“""])|\d\s+[.．、](?=\s?[\u4e00-\u9fff“""])|[①-⑳])")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^\d{1,2}\s*[.．、)）]$")]
    private static partial Regex Alone();
}
