using System.Globalization;
using System.Text;

namespace Warehouse.Load.Tests;

/// <summary>The seed report of 赣县区商务局 2023 (no application: a table of zeros) as another agency's report of another year.</summary>
internal static class SeedReports
{
    private static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds", "000_6b7f44aa3acc8f17.txt");

    public static byte[] As(string agency, int year) =>
        Encoding.UTF8.GetBytes(File.ReadAllText(Seed).Replace("赣县区商务局", agency, StringComparison.Ordinal).Replace("2023", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
}
