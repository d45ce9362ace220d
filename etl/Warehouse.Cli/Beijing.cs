using System.Globalization;

namespace Warehouse.Cli;

/// <summary>Times as users read them: Beijing time (UTC+8 all year, China keeps no summer time).</summary>
internal static class Beijing
{
    /// <summary>"2024-01-31 09:30（北京时间）" for a time the warehouse stored in UTC; "从未 never" for none.</summary>
    public static string Time(string? utc) =>
        utc is null ? "从未 never"
        : DateTime.TryParse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（北京时间）"
            : utc;
}
