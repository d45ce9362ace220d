using System.Text;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// A row of table 二 whose cells ran together ("行政规范性文件693665") has no rule of the template to
/// split it; a count that section 一 states for that row narrows the readings, and a cell on which
/// every remaining reading agrees is read. The rest stay null with an error naming the readings.
/// </summary>
public sealed class RunTogetherActiveTests
{
    private const string SectionOne = "一、总体情况2021年，";

    private static RealReports.Reading Read(string sentence)
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2021"));
        text.ShouldContain(SectionOne);
        var changed = text.Replace(SectionOne, SectionOne + sentence, StringComparison.Ordinal);
        return RealReports.Read(Encoding.UTF8.GetBytes(changed), "pingtan-2021");
    }

    private static int?[] Normative(RealReports.Reading reading)
    {
        var d = reading.Parse.Report!.ActiveDisclosure.NormativeDocuments;
        return [d.Issued, d.Repealed, d.InForce];
    }

    [Fact]
    public void A_row_short_of_a_cell_in_a_document_that_keeps_its_boundaries_is_not_split()
    {
        // A print without rules: a blank cell of table 三 lost ("12 30 5 8 40 95", digits enough for
        // seven cells) and table 二's first cell set against its label ("行政规范性文件0 | 0 | 98").
        // The other rows of table 三 come in seven cells of their own, so "0 98" is a row short of a
        // cell, not 0, 9, 8: its cells are unknown and said so.
        var seed = File.ReadAllText(Path.Combine(Fixtures.Dir("Seeds"), "000_6b7f44aa3acc8f17.txt"));
        var text = seed
            .Replace("行政规范性文件\t0\t0\t0", "行政规范性文件\t0\t98", StringComparison.Ordinal)
            .Replace("一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0", "一、本年新收政府信息公开申请数量\t\t12\t30\t5\t8\t40\t95", StringComparison.Ordinal);
        text.ShouldNotBe(seed);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), "seed-000.txt");
        Normative(reading).ShouldBe([null, null, null]);
        reading.Findings.ShouldNotContain(f => f.Rule == "cells_run_together" && f.Message.StartsWith("表二", StringComparison.Ordinal));
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error && f.Message.StartsWith("表二「行政规范性文件」", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_statement_every_cell_of_the_row_stays_unknown()
    {
        var reading = Read("");
        Normative(reading).ShouldBe([null, null, null]);
        reading.Findings.Single(f => f.Rule == "cells_ambiguous").Message.ShouldContain("本年制发件数、本年废止件数、现行有效件数不予采信");
    }

    [Theory]
    [InlineData("本年度制发行政规范性文件69件。")]
    [InlineData("全年共印发规范性文件69件，均按要求公开。")]
    public void A_stated_count_reads_the_cell_that_every_remaining_reading_agrees_on(string sentence)
    {
        var reading = Read(sentence);
        Normative(reading).ShouldBe([69, null, null]);
        reading.Parse.Report!.Derived.ShouldContain("active_disclosure.normative_documents.issued");
        reading.Parse.Report.Ambiguous.ShouldBe(["active_disclosure.normative_documents.repealed", "active_disclosure.normative_documents.in_force"]);
        var finding = reading.Findings.Single(f => f.Rule == "cells_ambiguous");
        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldContain("(69,3,665) 或 (69,36,65) 或 (69,366,5)");
        finding.Message.ShouldNotContain("(6,9,3665)");
        finding.Message.ShouldContain("本年制发件数相同，予以采信；本年废止件数、现行有效件数不予采信");
    }

    [Fact]
    public void Two_stated_counts_that_leave_one_reading_read_the_whole_row()
    {
        var reading = Read("本年度制发行政规范性文件69件，废止行政规范性文件36件。");
        Normative(reading).ShouldBe([69, 36, 65]);
        reading.Findings.ShouldNotContain(f => f.Rule == "cells_ambiguous");
        reading.Findings.ShouldContain(f => f.Rule == "cells_run_together" && f.Message.Contains("结合第一部分正文所述件数", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stated_count_no_reading_agrees_with_leaves_the_other_stated_counts_in_use()
    {
        // pingtan 2023: "动态更新本年度制发的规范性文件77件" is the table's first cell, "现行有效行政规范性文件393件"
        // (counted at another date) none of its readings: the issued count still narrows the row.
        var reading = Read("集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件69件。");
        Normative(reading).ShouldBe([69, null, null]);
        reading.Findings.Single(f => f.Rule == "cells_ambiguous").Message.ShouldContain("(69,3,665) 或 (69,36,65) 或 (69,366,5)");
    }

    [Fact]
    public void A_cell_printed_on_its_own_is_read_as_stated_not_derived()
    {
        // "6 93665": 本年制发 kept its boundary; 本年废止 and 现行有效 ran together four ways.
        var text = File.ReadAllText(RealReports.File("pingtan-2021")).Replace("行政规范性文件693665", "行政规范性文件6 93665", StringComparison.Ordinal);
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), "pingtan-2021");
        Normative(reading).ShouldBe([6, null, null]);
        reading.Parse.Report!.Derived.ShouldNotContain("active_disclosure.normative_documents.issued");
        reading.Parse.Report.Ambiguous.ShouldContain("active_disclosure.normative_documents.in_force");
    }

    [Theory]
    [InlineData("本年度制发行政规范性文件7件。")] // no reading starts with 7: the statement is not used
    [InlineData("本年度制定规章和规范性文件共69件。")] // a sum of two objects
    [InlineData("本年度制发规章69件。")] // another row
    [InlineData("制发行政规范性文件69件，另制发行政规范性文件6件。")] // stated twice, two figures
    public void A_statement_that_does_not_name_one_cell_of_the_row_is_not_used(string sentence)
    {
        var reading = Read(sentence);
        Normative(reading).ShouldBe([null, null, null]);
        reading.Findings.ShouldContain(f => f.Rule == "cells_ambiguous" && f.Severity == Severity.Error);
    }
    [Fact]
    public void A_2019_template_row_names_its_own_columns_and_an_amount_with_its_unit_is_cut_like_any_run()
    {
        // pingtan 2019: "行政许可3960181" (上一年项目数量, 本年增/减, 处理决定数量), "行政事业性收费350",
        // "政府集中采购13575394432.52元" (采购项目数量, 采购总金额 in 元).
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("pingtan-2019")), "pingtan-2019");
        var ambiguous = reading.Findings.Where(f => f.Rule == "cells_ambiguous").Select(f => f.Message).ToList();
        ambiguous.ShouldContain(m => m.StartsWith("表二「行政许可」", StringComparison.Ordinal) && m.Contains("上一年项目数量、本年增/减、处理决定数量不予采信", StringComparison.Ordinal));
        ambiguous.ShouldContain(m => m.StartsWith("表二「行政事业性收费」", StringComparison.Ordinal) && m.Contains("上一年项目数量、本年增/减不予采信", StringComparison.Ordinal));
        ambiguous.ShouldContain(m => m.Contains("13575394432.52元", StringComparison.Ordinal) && m.Contains("(13,575394432.52元)", StringComparison.Ordinal) && m.Contains("采购项目数量、采购总金额不予采信", StringComparison.Ordinal));
        ambiguous.ShouldNotContain(m => m.Contains("本年制发件数", StringComparison.Ordinal) || m.Contains("第1列", StringComparison.Ordinal));
        reading.Findings.ShouldNotContain(f => f.Rule == "missing_cells");

        // The cells left unknown are named by the 2019 template's own columns (本年新公开数量 is no repeal count).
        var unknown = reading.Parse.Report!.Ambiguous;
        unknown.ShouldContain("active_disclosure.template_2019_columns.licensing.decisions");
        unknown.ShouldContain("active_disclosure.template_2019_columns.normative_documents.new_published");
        unknown.ShouldNotContain(p => p.EndsWith(".repealed", StringComparison.Ordinal));
    }
}
