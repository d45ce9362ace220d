using System.Text;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// A file that holds more than one report (a county's reports bound in one document, a page that prints its report
/// twice): the first is read alone, and a warning says so and quotes the other's title. Read on, the other report's
/// signature dated the first (a silently wrong 发布日期) and no finding told the supervisor that a report was left unread.
/// </summary>
public sealed class BoundReportsTests
{
    [Fact]
    public void Two_text_reports_in_one_file_read_as_the_first_with_a_warning_that_names_the_second()
    {
        // Generated text-tab reports 00001 (章丘区人民政府办公室 2023, signed 2024-01-26) and 00003 (新源县自然资源局 2020,
        // signed 2021-01-18) of seed 97, one after the other: the first's values, its own date, not the second's.
        var path = Path.Combine(Fixtures.Dir("Generated"), "text-tab-two-reports-bound.txt");
        RealReports.ShouldReadAsExpected(path);
        var reading = RealReports.Read(File.ReadAllBytes(path), "bound");
        reading.Parse.Report!.Published.ShouldBe(new DateOnly(2024, 1, 26));
        var warning = reading.Findings.Single(f => f.Rule == "another_report");
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Message.ShouldStartWith("〔多份报告〕本文件在这份报告之后还有另一份年度报告「新源县自然资源局");
    }

    [Fact]
    public void Two_pdf_reports_bound_in_one_file_read_as_the_first_with_a_warning()
    {
        // hongze-2024.pdf and huaian-2024.pdf merged (as pdfunite does): the PDF reader stops a page past the first's last section, so only
        // the second's title page is seen; its title before a second "一、总体情况" marks it.
        var real = Fixtures.Dir("Real");
        var bound = UglyToad.PdfPig.Writer.PdfMerger.Merge(Path.Combine(real, "hongze-2024.pdf"), Path.Combine(real, "huaian-2024.pdf"));
        var reading = RealReports.Read(bound, "hongze-2024");
        RealReports.WrongCells(RealReports.Expected("hongze-2024"), reading).ShouldBeEmpty();
        reading.Findings.Where(f => f.Severity == Severity.Error).ShouldBeEmpty();
        reading.Findings.Single(f => f.Rule == "another_report").Message.ShouldContain("淮安市人民政府");
    }

    [Theory]
    [InlineData("新源县自然资源局2020年政府信息公开工作年度报告")]
    [InlineData("新源县自然资源局2020年政务公开工作年度报告")]
    [InlineData("新源县自然资源局2020年政府信息与政务公开工作年度报告")]
    [InlineData("新源县自然资源局政府信息公开年报（2020年）")]
    [InlineData("新源县自然资源局\n2020年度政府信息公开工作报告")]
    [InlineData("新源县自然资源局二〇二〇年政府信\n息公开工作年度报告")]
    public void The_other_reports_title_is_quoted_in_the_forms_offices_word_it(string title)
    {
        var bound = File.ReadAllText(Path.Combine(Fixtures.Dir("Generated"), "text-tab-two-reports-bound.txt"));
        var at = bound.IndexOf("新源县自然资源局", StringComparison.Ordinal);
        var end = bound.IndexOf('\n', at);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(bound[..at] + title + bound[end..]), "bound");
        reading.Parse.Report!.Published.ShouldBe(new DateOnly(2024, 1, 26));
        reading.Findings.Single(f => f.Rule == "another_report").Message.ShouldContain($"「{title.Replace("\n", "", StringComparison.Ordinal)}」");
    }

    [Fact]
    public void A_report_printed_twice_is_read_once_and_said_so()
    {
        var once = File.ReadAllText(Path.Combine(Fixtures.Dir("Generated"), "text-tab-two-reports-bound.txt"));
        var first = once[..once.IndexOf("新源县自然资源局", StringComparison.Ordinal)];
        first = first[..first.LastIndexOf('\n')];
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(first + "\n" + first), "twice");
        reading.Findings.Single(f => f.Rule == "another_report").Message.ShouldContain("又载有一遍同一标题的报告");
        reading.Parse.Report!.Published.ShouldBe(new DateOnly(2024, 1, 26));
    }

    [Fact]
    public void No_single_real_report_is_taken_for_two()
    {
        foreach (var name in RealReports.Names)
        {
            RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name).Findings.ShouldNotContain(f => f.Rule == "another_report", name);
        }
    }
}
