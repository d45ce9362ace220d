namespace Warehouse.Corpus.Rendering;

/// <summary>Years and dates in Chinese numerals, as titles and signatures write them ("二〇二三年一月二十日").</summary>
public static class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>The year digit by digit ("二〇二三"), its zero written as <paramref name="zero"/>.</summary>
    public static string Year(int year, string zero) =>
        string.Concat(year.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => d == '0' ? zero : Digits[d - '0'].ToString()));

    /// <summary>"二〇二四年一月二十日": the year digit by digit, month and day in tens ("十二", "二十一").</summary>
    public static string Date(DateOnly date, string zero) => $"{Year(date.Year, zero)}年{Tens(date.Month)}月{Tens(date.Day)}日";

    private static string Tens(int n) => n switch
    {
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
    };
}
