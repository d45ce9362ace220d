using Shouldly;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// A saved portal page and crawler text state the day the portal published them (PubDate meta,
/// "发布时间：" byline). That is not the report's own date (its signature, <c>published</c> in the JSON,
/// which pingtan 2024 lacks) but the intake judges lateness by it.
/// </summary>
public sealed class PageDateTests
{
    [Theory]
    [InlineData("pingtan-2024-portal", "2025-03-10")]
    [InlineData("pingtan-2024", "2025-03-10")]
    [InlineData("hongze-2024", null)]
    public void The_page_date_is_read_beside_the_report_not_as_its_signature(string name, string? date)
    {
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name);
        reading.Parse.PageDate.ShouldBe(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        if (name.StartsWith("pingtan", StringComparison.Ordinal)) reading.Parse.Report!.Published.ShouldBeNull();
    }
}
