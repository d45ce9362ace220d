using System.Globalization;
using System.Text;

namespace Warehouse.Load.Tests;

/// <summary>The seed report of 赣县区商务局 2023 (no application: a table of zeros) as another agency's report of another year.</summary>
internal static class SeedReports
{
    private static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds", "000_6b7f44aa3acc8f17.txt");

    private const string FirstRow = "一、本年新收政府信息公开申请数量\t\t0\t";

    public static byte[] As(string agency, int year) => Encoding.UTF8.GetBytes(Text(agency, year));

    /// <summary>
    /// The report signed by <paramref name="agency"/> on <paramref name="signed"/> (its 落款, the date
    /// its lateness is judged by when no portal says otherwise); with <paramref name="wrongTotal"/>,
    /// table 三's first row gives 自然人 1 but keeps its 总计 at 0 (an arithmetic error).
    /// </summary>
    public static byte[] As(string agency, int year, DateOnly signed, bool wrongTotal = false)
    {
        var text = Text(agency, year);
        if (wrongTotal)
        {
            if (!text.Contains(FirstRow, StringComparison.Ordinal)) throw new InvalidOperationException("the seed's first row of table 三 changed");
            text = text.Replace(FirstRow, "一、本年新收政府信息公开申请数量\t\t1\t", StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes($"{text}\n\n{agency}\n{signed.Year}年{signed.Month}月{signed.Day}日\n");
    }

    private static string Text(string agency, int year) =>
        File.ReadAllText(Seed).Replace("赣县区商务局", agency, StringComparison.Ordinal).Replace("2023", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
