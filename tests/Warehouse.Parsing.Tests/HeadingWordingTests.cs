using System.Text;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Offices word the section headings their own way ("四、因政府信息公开工作被申请行政复议、提起行政
/// 诉讼情况", "三、行政机关收到和处理政府信息公开申请情况", "五、存在的不足及改进措施"), and a copy may
/// lose a heading altogether. Tables were found between headings, so one such heading lost table
/// 三 in table 二 (every row an error), or read section 一's prose as rows of table 二. A heading
/// under its own number that holds a word naming its section is that section (a warning says the
/// wording differs); without a heading, tables 二 to 四 begin at their own headers.
/// </summary>
public sealed class HeadingWordingTests
{
    // Real documents of three kinds: crawler text on one line, pdftotext -layout of a Word PDF, a portal page.
    public static TheoryData<string, string, string> Wordings()
    {
        var data = new TheoryData<string, string, string>();
        (string Template, string[] Printed)[] wordings =
        [
            ("一、总体情况", ["一、总体工作情况", "一、基本情况", "第一部分 总体情况"]),
            ("二、主动公开政府信息情况", ["二、行政机关主动公开政府信息情况", "二、主动公开政务信息情况"]),
            ("三、收到和处理政府信息公开申请情况", ["三、行政机关收到和处理政府信息公开申请情况", "三、收到和处理信息公开申请情况"]),
            ("四、政府信息公开行政复议、行政诉讼情况", ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "四、政府信息公开行政复议、诉讼情况"]),
            ("五、存在的主要问题及改进情况", ["五、存在的不足及改进措施", "五、存在的主要问题和下一步工作打算"]),
            ("六、其他需要报告的事项", ["六、其他事项"]),
        ];
        foreach (var name in new[] { "pingtan-2024", "hongze-2024-layout", "pingtan-2024-portal" })
        {
            foreach (var (template, printed) in wordings)
            {
                foreach (var p in printed) data.Add(name, template, p);
            }
        }

        return data;
    }

    /// <summary>
    /// Section 一's points on a line of their own, in the words of section 二's heading ("（一）主动公开政府信息情况"):
    /// taken for heading 二, they made section 一's prose table 二 ("新增公开市政府规章 1 件" a second 规章 row, an error).
    /// </summary>
    [Theory]
    [InlineData("huaian-2024-layout", "   （一）主动公开情况。", "   {0}\n   ")]
    [InlineData("pingtan-2024-portal", "（一）主动公开方面。", "{0}</span></p><p><span>")]
    public void A_point_of_section_one_worded_as_section_twos_heading_is_not_that_heading(string name, string point, string replacement)
    {
        var original = File.ReadAllText(RealReports.File(name));
        original.ShouldContain(point);
        foreach (var printed in new[] { "（一）主动公开政府信息情况", "1.主动公开政府信息情况", "2.主动公开政府信息情况", "二是主动公开政府信息情况", "主动公开政府信息情况" })
        {
            var text = original.Replace(point, string.Format(System.Globalization.CultureInfo.InvariantCulture, replacement, printed), StringComparison.Ordinal);
            var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), name);

            RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty(printed);
            NewErrors(name, reading).ShouldBeEmpty(printed);
            reading.Findings.Where(f => f.Rule == "unrecognised_row").Select(f => f.Message).ShouldBeEmpty(printed);
        }
    }

    [Theory]
    [MemberData(nameof(Wordings))]
    public void A_heading_in_an_offices_own_wording_is_its_section(string name, string template, string printed)
    {
        var text = File.ReadAllText(RealReports.File(name));
        text.ShouldContain(template);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text.Replace(template, printed, StringComparison.Ordinal)), name);

        RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
        reading.Parse.Report!.Completeness.MissingSections.ShouldBeEmpty();
        NewErrors(name, reading).ShouldBeEmpty();
        // A warning names the heading: worded otherwise, or (within a character or two) misprinted.
        if (!printed.StartsWith("第一部分", StringComparison.Ordinal))
        {
            reading.Findings.ShouldContain(f => (f.Rule == "heading_worded" || f.Rule == "heading_misprinted") && f.Severity == Severity.Warning
                                                && f.Message.StartsWith($"章节标题「{printed}」与模板的「{template}」", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("pingtan-2024", "二、主动公开政府信息情况")]
    [InlineData("pingtan-2024", "三、收到和处理政府信息公开申请情况")]
    [InlineData("pingtan-2024", "四、政府信息公开行政复议、行政诉讼情况")]
    [InlineData("hongze-2024-layout", "二、主动公开政府信息情况")]
    [InlineData("hongze-2024-layout", "三、收到和处理政府信息公开申请情况")]
    [InlineData("hongze-2024-layout", "四、政府信息公开行政复议、行政诉讼情况")]
    [InlineData("hongze-2024-layout", "五、存在的主要问题及改进情况")]
    [InlineData("hongze-2024-plain", "四、政府信息公开行政复议、行政诉讼情况")]
    [InlineData("hongze-2024-fixed3", "五、存在的主要问题及改进情况")]
    [InlineData("pingtan-2024-portal", "二、主动公开政府信息情况")]
    [InlineData("pingtan-2024-portal", "三、收到和处理政府信息公开申请情况")]
    [InlineData("pingtan-2024-portal", "五、存在的主要问题及改进情况")]
    public void A_table_without_its_heading_is_read_from_its_own_header(string name, string heading)
    {
        var text = File.ReadAllText(RealReports.File(name));
        text.ShouldContain(heading);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text.Replace(heading, "", StringComparison.Ordinal)), name);

        RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
        NewErrors(name, reading).ShouldBeEmpty();
        // The heading is missing as printed: a completeness warning says so.
        reading.Parse.Report!.Completeness.MissingSections.ShouldBe([heading]);
    }

    // A report of parts of its own, then the template's tables numbered 一 to 三 (real: 上海市科委 2024, a converter's markdown):
    // the sections are not missing, they are numbered otherwise, and the warning says how they are printed.
    [Fact]
    public void A_section_numbered_its_own_way_is_said_to_be_so_not_missing()
    {
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("kewei-2024-source")), "kewei-2024-source");
        var completeness = reading.Parse.Report!.Completeness;

        completeness.Renumbered.ShouldBe(new Dictionary<string, string>
        {
            ["二、主动公开政府信息情况"] = "一、主动公开政府信息情况",
            ["三、收到和处理政府信息公开申请情况"] = "二、收到和处理政府信息公开申请情况",
            ["四、政府信息公开行政复议、行政诉讼情况"] = "三、政府信息公开行政复议、行政诉讼情况",
        }, ignoreOrder: true);
        reading.Findings.ShouldContain(f => f.Rule == "completeness" && f.Severity == Severity.Warning
            && f.Message.StartsWith("章节「二、主动公开政府信息情况」的编号与模板不同，印作「一、主动公开政府信息情况」", StringComparison.Ordinal));
        // Its section 五's heading was lost (the converter kept only "（一）主要问题"): that one is missing.
        reading.Findings.ShouldContain(f => f.Rule == "completeness" && f.Message.StartsWith("缺少章节「五、存在的主要问题及改进情况」", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_table_heading_left_out_at_once_still_gives_every_table()
    {
        var name = "hongze-2024-layout";
        var text = File.ReadAllText(RealReports.File(name));
        foreach (var heading in new[] { "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况" })
        {
            text = text.Replace(heading, "", StringComparison.Ordinal);
        }

        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), name);
        RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
        NewErrors(name, reading).ShouldBeEmpty();
    }

    [Theory]
    // Prose and sub-headings of section 一 that hold a section's words under a numeral not its numbering.
    [InlineData("二是主动公开更加及时")]
    [InlineData("（二）主动公开情况")]
    public void A_line_of_prose_or_a_sub_heading_is_no_section_heading(string line)
    {
        var name = "hongze-2024-layout";
        var text = File.ReadAllText(RealReports.File(name));
        var at = text.IndexOf("二、主动公开政府信息情况", StringComparison.Ordinal);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text[..at].Replace("一、总体情况\n", "一、总体情况\n" + line + "\n", StringComparison.Ordinal) + text[at..]), name);

        RealReports.WrongCells(RealReports.Expected(name), reading).ShouldBeEmpty();
        reading.Findings.ShouldNotContain(f => f.Rule == "heading_worded");
        NewErrors(name, reading).ShouldBeEmpty();
    }

    private static List<string> NewErrors(string name, RealReports.Reading reading)
    {
        var baseline = RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name);
        var known = baseline.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).ToHashSet();
        return reading.Findings.Where(f => f.Severity == Severity.Error && !known.Contains(f.Rule)).Select(f => $"{f.Rule}: {f.Message}").ToList();
    }
}
