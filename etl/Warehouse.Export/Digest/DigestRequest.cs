using Warehouse.Core;

namespace Warehouse.Export.Digest;

/// <summary>
/// A digest to build: a dashboard's workbook for a report year (default: the latest loaded) and a
/// region (default: all), for these recipients, sent at most once per period of <paramref name="Every"/>
/// (default: once a calendar month in Beijing time).
/// </summary>
public sealed record DigestRequest(string Dashboard, string? Region, int? Year, IReadOnlyList<string> To, DigestSchedule? Every = null);

/// <summary>
/// The headline figures of a digest, as the warehouse counts them: reports received; of the
/// agencies expected to report (rule 6), how many did on time, late, without a date, or not at
/// all; reports with errors.
/// </summary>
public sealed record Headline(long Received, long Late, long Missing, long Inconsistent, long Undated, long OnTime, long Expected)
{
    /// <summary>按时发布率: on time / expected, 0–1; null when no agency was expected to report.</summary>
    public double? OnTimeRate => Expected == 0 ? null : (double)OnTime / Expected;
}

/// <summary>
/// The register's headline figures (报送台账, over the roster 应报名单) for the digest's year and region:
/// agencies expected, received, on time, late, undated, missing, unverifiable, not yet due; reports
/// 雷同; open 整改 items. <see cref="HasRoster"/> is false when no roster covers the year and region:
/// the digest then says so (未导入应报名单) instead of showing zeros.
/// </summary>
public sealed record RegisterHeadline(long Expected, long Received, long OnTime, long Late, long Undated, long Missing, long Unverifiable, long NotDue, long Resemblance, long OpenItems)
{
    /// <summary>Whether any agency of the year and region is on the roster.</summary>
    public bool HasRoster => Expected > 0;

    /// <summary>按时发布率 over the roster: on time / expected, 0–1; null without a roster.</summary>
    public double? OnTimeRate => Expected == 0 ? null : (double)OnTime / Expected;

    /// <summary>报告覆盖率: received / expected, 0–1; null without a roster.</summary>
    public double? CoverageRate => Expected == 0 ? null : (double)Received / Expected;
}

/// <summary>An agency whose applications changed much from the year before.</summary>
public sealed record Change(string Agency, string? Region, long? Previous, long? Current, long? Difference);

/// <summary>An agency that published late (<paramref name="Status"/> <c>late</c>, with its date, yyyy-MM-dd) or not at all (<c>missing</c>).</summary>
public sealed record FilingGap(string Status, string Agency, string? Region, string? Published);

/// <summary>A built digest: the message, its figures, the period of its schedule, and the key its delivery is recorded under.</summary>
public sealed record Digest(MimeKit.MimeMessage Message, int Year, string RegionName, Headline Headline, IReadOnlyList<Change> Changes, IReadOnlyList<FilingGap> Gaps,
    DigestSchedule Schedule, DigestPeriod Period, string DeliveryKey, string Recipients, string WorkbookName)
{
    /// <summary>The register's figures over the roster; <see cref="RegisterHeadline.HasRoster"/> false when none is imported for the year and region.</summary>
    public required RegisterHeadline Register { get; init; }
}

/// <summary>What became of a send.</summary>
public enum DigestOutcome
{
    /// <summary>The server accepted it.</summary>
    Sent,

    /// <summary>It had been sent for this period and these recipients: nothing was sent.</summary>
    AlreadySent,

    /// <summary>An earlier attempt failed after the server may have accepted it, or another process is sending it: nothing was sent.</summary>
    NotSentAgain,
}

/// <summary>The SMTP server refused the digest or dropped the connection before accepting it: nothing was delivered, and a retry will send it. The message begins "not sent:".</summary>
public sealed class DigestDeliveryException(string message, Exception inner) : UserFacingException(message, inner);
