using System.Text;
using Shouldly;

namespace Warehouse.Parsing.Tests;

/// <summary>Titles and signatures as portals write them.</summary>
public sealed class TitleAndDateTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(Fixtures.Dir("Seeds"), "000_6b7f44aa3acc8f17.txt"));

    private static ParseResult WithTitle(string title, string ending = "") =>
        ReportParser.Default.Parse(Encoding.UTF8.GetBytes(Seed.Replace("# 赣县区商务局 2023 年政府信息公开工作 年度报告", title, StringComparison.Ordinal) + ending), new ParseOptions());

    [Theory]
    [InlineData("赣县区商务局2023年度政府信息公开工作年度报告（全文）")]
    [InlineData("赣县区商务局关于2023年政府信息公开工作年度报告")]
    [InlineData("赣县区商务局\n\n2023年政府信息公开工作年度报告")]
    [InlineData("首页 > 政务公开 > 年报\n赣县区商务局2023年政府信息公开工作年度报告\n发布时间：2024-01-20")]
    public void Agency_and_year_come_from_the_title(string title)
    {
        var report = WithTitle(title).Report.ShouldNotBeNull();
        report.Agency.ShouldBe("赣县区商务局");
        report.Year.ShouldBe(2023);
    }

    [Theory]
    [InlineData("\n赣县区商务局\n2024年1月10日\n", "2024-01-10")]
    [InlineData("\n赣县区商务局\n二〇二四年一月十日\n", "2024-01-10")]
    [InlineData("\n赣县区商务局\n二〇二四年一月二十三日\n", "2024-01-23")]
    [InlineData("\n赣县区商务局 2024年2月3日\n", "2024-02-03")]
    [InlineData("\n如有疑问请于2024年1月10日前联系我们。\n", null)]
    public void Publication_date_is_the_closing_date(string ending, string? date)
    {
        var report = WithTitle("赣县区商务局2023年政府信息公开工作年度报告", ending).Report.ShouldNotBeNull();
        report.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(date);
    }

    [Fact]
    public void Agency_comes_from_the_signature_when_the_title_has_none()
    {
        var report = WithTitle("2023年政府信息公开工作年度报告", "\n赣县区商务局\n2024年1月10日\n").Report.ShouldNotBeNull();
        report.Agency.ShouldBe("赣县区商务局");
        report.RegionCode.ShouldBe("360704");
    }
}
