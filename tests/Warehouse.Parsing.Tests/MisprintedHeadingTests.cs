using System.Text;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// A section heading printed with a character dropped, added or typed wrong is read as its section
/// when it carries that section's number, and a warning names it: pingtan 2022 prints
/// "四、政府信息公开行政法复议、行政诉讼情况", and table 四 was lost without an error.
/// </summary>
public sealed class MisprintedHeadingTests
{
    [Fact]
    public void Pingtan_2022s_heading_with_an_added_character_still_opens_table_four()
    {
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("pingtan-2022")), "pingtan-2022");
        var report = reading.Parse.Report!;
        report.ReviewLitigation.Flatten().ShouldBe([0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
        report.Completeness.MissingSections.ShouldBeEmpty();
        var warning = reading.Findings.Single(f => f.Rule == "heading_misprinted");
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Message.ShouldStartWith("章节标题「四、政府信息公开行政法复议、行政诉讼情况」与模板的「四、政府信息公开行政复议、行政诉讼情况」不同");
    }

    [Theory]
    [InlineData("pingtan-2024", "四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉情况")]
    [InlineData("pingtan-2024", "二、主动公开政府信息情况", "二、主动公开政府信自情况")]
    [InlineData("pingtan-2024", "三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申清情况")]
    [InlineData("hongze-2024-layout", "四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议、行政讼情况")]
    [InlineData("hongze-2024-layout", "五、存在的主要问题及改进情况", "五、存在的主要问题及政进情况")]
    [InlineData("hongze-2024-layout", "二、主动公开政府信息情况", "二、主动公开政府信息息况")]
    [InlineData("pingtan-2024-portal", "四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政夏议、行政诉讼情况")]
    [InlineData("pingtan-2024-portal", "六、其他需要报告的事项", "六、其他需要报告的的事项")]
    public void A_misprinted_heading_is_read_as_the_section_its_number_names(string name, string heading, string misprinted)
    {
        var text = File.ReadAllText(RealReports.File(name));
        text.ShouldContain(heading);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text.Replace(heading, misprinted, StringComparison.Ordinal)), name);

        RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
        reading.Parse.Report!.Completeness.MissingSections.ShouldBeEmpty();
        reading.Findings.ShouldContain(f => f.Rule == "heading_misprinted" && f.Message.Contains(misprinted, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("五、存在问题及改进情况")]
    [InlineData("五、存在问题及改进措施")]
    public void Section_five_in_a_wording_offices_use_is_no_misprint(string wording)
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2024")).Replace("五、存在的主要问题及改进情况", wording, StringComparison.Ordinal);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), "pingtan-2024");
        reading.Parse.Report!.Completeness.MissingSections.ShouldBeEmpty();
        reading.Findings.ShouldNotContain(f => f.Rule == "heading_misprinted");
    }

    [Fact]
    public void A_misprinted_heading_under_another_sections_number_is_not_taken()
    {
        // Section 四's words, misprinted, under the number 五: neither section 四 nor 五 by a misprint.
        var text = File.ReadAllText(RealReports.File("hongze-2024-layout"))
            .Replace("四、政府信息公开行政复议、行政诉讼情况", "五、政府信息公开行政法复议、行政诉讼情况", StringComparison.Ordinal);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), "hongze-2024-layout");
        reading.Parse.Report!.Completeness.MissingSections.ShouldContain("四、政府信息公开行政复议、行政诉讼情况");
        reading.Findings.ShouldNotContain(f => f.Rule == "heading_misprinted");
    }
}
