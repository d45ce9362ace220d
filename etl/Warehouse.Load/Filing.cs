using Warehouse.Core;

namespace Warehouse.Load;

/// <summary>
/// Rule 6's date: lateness is judged by the day the portal published the report when that is
/// known, by the date the report is signed (落款) otherwise (docs/crawler.md, "Intake").
/// </summary>
public static class Filing
{
    /// <summary>The portal's date was used (<c>fact_report.published_source</c>).</summary>
    public const string PortalSource = "portal";

    /// <summary>The signed date was used.</summary>
    public const string SignedSource = "signed";

    /// <summary>The date that judges lateness: <paramref name="portalPublished"/>, else the report's signed date; null when neither is known.</summary>
    public static DateOnly? Date(Report report, DateOnly? portalPublished)
    {
        ArgumentNullException.ThrowIfNull(report);
        return portalPublished ?? report.Published;
    }

    /// <summary><see cref="PortalSource"/> or <see cref="SignedSource"/>, which date <see cref="Date"/> took; null when neither is known.</summary>
    public static string? Source(Report report, DateOnly? portalPublished) =>
        portalPublished is not null ? PortalSource : Date(report, null) is not null ? SignedSource : null;

    /// <summary>True when published after 31 January of the year after the one reported on; null when undated.</summary>
    public static bool? Late(Report report, DateOnly? portalPublished) =>
        Date(report, portalPublished) is { } d ? d > new DateOnly(report.Year + 1, 1, 31) : null;
}
