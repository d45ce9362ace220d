using System.Globalization;
using System.Text.RegularExpressions;

namespace Warehouse.Cli;

/// <summary>Reads a year range as users write it: "2020-2024", or one year "2023".</summary>
internal static partial class YearRange
{
    public static (int First, int Last) Parse(string text, string option)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success) throw new UserError($"{option} {text}：年份范围应写作 2020-2024，单一年份写作 2023。{option} {text}: write a year range as 2020-2024, or one year as 2023");
        var first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var last = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : first;
        if (last < first) throw new UserError($"{option} {text}：起始年份应在前（2020-2024）。{option} {text}: the first year comes first (2020-2024)");
        if (first < 2008 || last > 2100) throw new UserError($"{option} {text}：年度报告自 2008 年（《条例》施行之年）起才有。{option} {text}: reports exist from 2008 (the regulations' first year)");
        return (first, last);
    }

    [GeneratedRegex(@"^(\d{4})(?:\s*[-–~至]\s*(\d{4}))?$")]
    private static partial Regex Pattern();
}
