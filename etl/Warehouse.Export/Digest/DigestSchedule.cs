using System.Globalization;
using Cronos;

namespace Warehouse.Export.Digest;

/// <summary>
/// How often a digest goes out: a cron expression (five fields, or six with seconds first, as
/// Hangfire reads them) in a time zone. A digest is sent at most once per period, the time from
/// one of the schedule's times to the next: a monthly digest retried, or run by hand again in the
/// same month, is not sent twice; next month's is a new one.
/// </summary>
public sealed record DigestSchedule(string Cron, TimeZoneInfo Zone)
{
    /// <summary>The words <c>digest --every</c> takes: calendar periods starting at midnight (Monday for a week).</summary>
    public static readonly IReadOnlyDictionary<string, (string Cron, string Chinese)> Words = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = ("0 0 * * *", "每日"),
        ["week"] = ("0 0 * * 1", "每周"),
        ["month"] = ("0 0 1 * *", "每月"),
        ["quarter"] = ("0 0 1 1,4,7,10 *", "每季度"),
        ["year"] = ("0 0 1 1 *", "每年"),
    };

    /// <summary>How far back the start of a period is looked for: the longest a cron can wait (29 February) and then some.</summary>
    private static readonly TimeSpan[] Lookback = [TimeSpan.FromDays(2), TimeSpan.FromDays(40), TimeSpan.FromDays(400), TimeSpan.FromDays(9 * 366)];

    private readonly CronExpression _expression = ParseCron(Cron);

    /// <summary>A word of <see cref="Words"/> or a cron expression, in <paramref name="zone"/>.</summary>
    /// <exception cref="SelectionException">Neither a word nor a cron expression; the message names both forms.</exception>
    public static DigestSchedule Parse(string text, TimeZoneInfo zone)
    {
        var t = text.Trim();
        return new DigestSchedule(Words.TryGetValue(t, out var word) ? word.Cron : t, zone);
    }

    /// <summary>The period <paramref name="now"/> falls in: from the schedule's last time at or before it to its next time after it.</summary>
    public DigestPeriod PeriodAt(DateTimeOffset now)
    {
        DateTimeOffset? start = null;
        foreach (var back in Lookback)
        {
            start = _expression.GetOccurrences(now - back, now, Zone, fromInclusive: true, toInclusive: true).Select(o => (DateTimeOffset?)o).LastOrDefault();
            if (start is not null) break;
        }

        var next = _expression.GetNextOccurrence(now, Zone, inclusive: false);
        return new DigestPeriod(start is { } s ? TimeZoneInfo.ConvertTime(s, Zone) : null, next is { } n ? TimeZoneInfo.ConvertTime(n, Zone) : null);
    }

    /// <summary>The schedule as a reader says it: 每月 (month) for a word's cron, else the cron itself.</summary>
    public string Describe() => Words.Values.FirstOrDefault(w => w.Cron == Cron) is { Chinese: not null } w ? w.Chinese : $"cron {Cron}";

    private static CronExpression ParseCron(string cron)
    {
        try
        {
            var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new SelectionException(
                $"--every {cron}：既不是 day、week、month、quarter、year，也不是 cron 表达式（如 \"0 8 1 * *\"，每月 1 日 8 时）/ is neither day, week, month, quarter, year nor a cron expression ({e.Message})");
        }
    }
}

/// <summary>
/// One period of a schedule: it began at <paramref name="Start"/> (null when the schedule has had
/// no time yet in the years looked back) and the next begins at <paramref name="Next"/> (null: never),
/// both in the schedule's zone.
/// </summary>
public sealed record DigestPeriod(DateTimeOffset? Start, DateTimeOffset? Next)
{
    /// <summary>The period in the delivery key and the ledger: its start, to the second, in UTC.</summary>
    public string Key => Start is { } s ? s.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "before-first";

    /// <summary>When the next digest is due, for a log line: <c>2025-04-01 00:00</c> in the zone, or 不再发送 (never).</summary>
    public string NextText => Next is { } n ? n.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "不再发送 / never";
}
