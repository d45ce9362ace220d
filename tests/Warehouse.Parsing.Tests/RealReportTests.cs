using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>Real reports as published read to their hand-transcribed values, with no false alarm.</summary>
public sealed class RealReportTests
{
    public static TheoryData<string> Names() => new(RealReports.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Real_report_gives_every_hand_transcribed_cell(string name)
    {
        var expected = RealReports.Expected(name);
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name);
        reading.Parse.Rejection.ShouldBeNull();
        var ambiguous = RealReports.Ambiguous(expected);
        var errors = reading.Findings.Where(f => f.Severity == Severity.Error).ToList();

        var wrong = RealReports.WrongCells(expected, reading);

        foreach (var key in ambiguous)
        {
            if (reading.Cells.GetValueOrDefault(key) is { } value) wrong.Add($"{key} is ambiguous in the document but was read as {value.ToJsonString()}");
        }

        wrong.ShouldBeEmpty();
        // Each such cell's row is named by an error: its readings (cells_ambiguous), or the cells it lacks (missing_cells).
        foreach (var row in ambiguous.Select(k => k.Split('.')[1]).Distinct())
        {
            errors.ShouldContain(f => f.Rule == "cells_ambiguous" || (f.Rule == "missing_cells" && f.Row == row), row);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Real_report_raises_no_error_beyond_the_rules_its_values_break(string name)
    {
        var expected = RealReports.Expected(name);
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name);
        var allowed = RealReports.BrokenRules(expected);
        // Cells that the document states so that they cannot be read: their errors, and those of the pieces left over.
        if (RealReports.Ambiguous(expected).Count > 0) allowed.UnionWith(["cells_ambiguous", "missing_cells", "unrecognised_row"]);
        reading.Findings.Where(f => f.Severity == Severity.Error && !allowed.Contains(f.Rule)).Select(f => $"{f.Rule}: {f.Message}").ShouldBeEmpty();
    }

    [Fact]
    public void Misprinted_label_and_collapsed_group_are_named_in_warnings()
    {
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("hongze-2024")), "hongze-2024");
        reading.Findings.ShouldContain(f => f.Rule == "label_misprinted" && f.Message.Contains("2.其他法律行政止公开", StringComparison.Ordinal) && f.Severity == Severity.Warning);
        reading.Findings.ShouldContain(f => f.Rule == "group_collapsed" && f.Message.Contains("（六）其他处理", StringComparison.Ordinal) && f.Severity == Severity.Warning);
        reading.Parse.Report!.Derived.ShouldContain("applications.other_fee_unpaid.6");
    }

    [Fact]
    public void A_page_number_set_far_above_the_foot_of_a_page_of_small_type_is_no_row_of_the_table()
    {
        // 淮安 2024: table 三 in 7.5 pt type runs over a page numbered "-4-" in 13 pt type, 40 pt above the foot
        // (more than five of the page's lines), its dashes on a baseline apart from the digit.
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("huaian-2024")), "huaian-2024");
        reading.Findings.Select(f => $"{f.Rule}: {f.Message}").ShouldBeEmpty();
    }

    [Fact]
    public void A_label_wrapped_around_its_numbers_is_known_by_its_words_not_placed_as_a_misprint()
    {
        // Chromium's print through pdftotext -layout: "（二）部分公开（区分处理的，只计这一情形，不" over
        // "计其他情形）  29 …", and "申请人无正当理由逾期不补正、行" / "1." / "政机关  1  0 …" / "不再处理其政府信息公开申请".
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("pingtan-2024-chrome-layout")), "pingtan-2024-chrome-layout");
        reading.Findings.Where(f => f.Rule == "label_misprinted").Select(f => f.Message).ShouldBeEmpty();
    }

    [Fact]
    public void Run_together_crawler_text_is_split_by_the_templates_arithmetic_and_marked_derived()
    {
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("pingtan-2021")), "pingtan-2021");
        var report = reading.Parse.Report!;
        report.Applications.Row("new_received").ShouldBe([64, 0, 0, 2, 0, 4, 70]);
        report.Derived.ShouldContain("applications.new_received.0");
        report.ReviewLitigation.Flatten().ShouldBe([1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
        reading.Findings.ShouldContain(f => f.Rule == "cells_run_together" && f.Severity == Severity.Warning && f.Message.StartsWith("表三", StringComparison.Ordinal));
        var ambiguous = reading.Findings.Single(f => f.Rule == "cells_ambiguous");
        ambiguous.Message.ShouldContain("表二「行政规范性文件」");
        ambiguous.Message.ShouldContain("693665");
        ambiguous.Message.ShouldContain("(69,3,665)");
    }
}
