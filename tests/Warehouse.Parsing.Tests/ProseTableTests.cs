using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Rule 8 (文表一致): a count that section 一 states in prose and the table cell that holds it disagree:
/// a warning naming both, never an error (the prose may count at another date).
/// </summary>
public sealed class ProseTableTests
{
    private static IReadOnlyList<Finding> Warnings(string name) =>
        RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name).Findings.Where(f => f.Rule == "prose_table").ToList();

    [Fact]
    public void A_document_count_the_prose_states_otherwise_than_table_two_is_a_warning()
    {
        // pingtan 2023: "清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件"; the table: 77, 132, 470.
        var warning = Warnings("pingtan-2023-portal").ShouldHaveSingleItem();
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Message.ShouldStartWith("正文「一、总体情况」称现行有效行政规范性文件 393，但表二「行政规范性文件」现行有效件数为 470（文表一致）");
        (warning.Row, warning.Column, warning.Expected, warning.Actual).ShouldBe(("normative_documents", "in_force", 470m, 393m));
    }

    [Fact]
    public void Counts_that_agree_or_that_the_table_leaves_unknown_give_no_warning()
    {
        // pingtan 2022 states 88 issued and 698 in force, as its table 二 holds; its 75 applications are not table 三's 74.
        Warnings("pingtan-2022").ShouldHaveSingleItem().Row.ShouldBe("new_received");
        // The crawler text of 2023 leaves 现行有效 unknown ("77132470"): nothing to hold the 393 against.
        Warnings("pingtan-2023").ShouldBeEmpty();
    }

    [Fact]
    public void The_2019_template_s_columns_are_not_held_against_the_prose()
    {
        // pingtan 2020 says "已宣布废止规范性文件5件"; its table 二 has no repeal column (本年新公开数量 is another measure).
        Warnings("pingtan-2020-portal").ShouldBeEmpty();
    }
}
