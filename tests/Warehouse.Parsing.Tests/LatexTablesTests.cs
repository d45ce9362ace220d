using Shouldly;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Markdown whose tables are LaTeX (Mathpix Markdown, MinerU with StructEqTable): each tabular written again as the HTML
/// table it stands for, its merged cells as spans, and the headings' commands as lines of their text. The real forms
/// (Fixtures/Real/pingtan-2024-mathpix.md, pingtan-2021-latex-oneline.md) are read cell for cell in RealReportTests, the
/// generator's markdown-mathpix in PortalTextLayoutTests.
/// </summary>
public sealed class LatexTablesTests
{
    [Fact]
    public void A_span_covers_the_empty_cells_below_it_and_rules_are_no_rows()
    {
        const string tex = """
            \begin{tabular}{|l|l|l|}
            \hline \multirow{2}{*}{（三）不予公开} & 1.属于国家秘密 & 0 \\
            \cline{2-3} & 2.其他法律行政法规禁止公开 & 1 \\
            \hline \multicolumn{2}{|l|}{（七）总计} & 1 \\
            \hline
            \end{tabular}
            """;
        LatexTables.AsHtml(tex).Trim().ShouldBe(
            "<table><tr><td rowspan=\"2\">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr><tr><td>2.其他法律行政法规禁止公开</td><td>1</td></tr>"
            + "<tr><td colspan=\"2\">（七）总计</td><td>1</td></tr></table>");
    }

    [Fact]
    public void A_span_set_in_its_last_row_with_a_negative_count_is_read_from_its_first()
    {
        const string tex = @"\begin{tabular}{|l|l|l|} \hline & 1.a & 0 \\ \cline{2-3} \multirow{-2}{*}{（四）无法提供} & 2.b & 1 \\ \hline \end{tabular}";
        LatexTables.AsHtml(tex).Trim().ShouldBe("<table><tr><td rowspan=\"2\">（四）无法提供</td><td>1.a</td><td>0</td></tr><tr><td>2.b</td><td>1</td></tr></table>");
    }

    [Fact]
    public void A_span_two_columns_wide_leaves_a_multicolumn_of_nothing_in_the_rows_it_covers()
    {
        const string tex = @"\begin{tabular}{|l|l|l|l|} \hline \multicolumn{2}{|c|}{\multirow{2}{*}{（本列数据的勾稽关系为…）}} & \multicolumn{2}{|c|}{申请人情况} \\ \hline \multicolumn{2}{|c|}{} & 自然人 & 总计 \\ \hline \end{tabular}";
        LatexTables.AsHtml(tex).Trim().ShouldBe(
            "<table><tr><td rowspan=\"2\" colspan=\"2\">（本列数据的勾稽关系为…）</td><td colspan=\"2\">申请人情况</td></tr><tr><td>自然人</td><td>总计</td></tr></table>");
    }

    [Theory]
    // A tabular inside the cell (Mathpix), \makecell, \shortstack: a line each.
    [InlineData(@"\begin{tabular}{l}三、本年度 \\ 办理结果\end{tabular}", "三、本年度<br>办理结果")]
    [InlineData(@"\makecell{3.补正后申请 \\ 内容仍不明确}", "3.补正后申请<br>内容仍不明确")]
    [InlineData(@"\begin{tabular}[c]{@{}l@{}}结果\\纠正\end{tabular}", "结果<br>纠正")]
    // Escaped characters are themselves, text commands their text, a formula that is a number that number.
    [InlineData(@"增长 95\% \& 以上", "增长 95% &amp; 以上")]
    [InlineData(@"\textbf{行政许可}", "行政许可")]
    [InlineData(@"$12$", "12")]
    public void A_cell_reads_as_its_text(string cell, string html) =>
        LatexTables.AsHtml($@"\begin{{tabular}}{{|l|l|}} \hline {cell} & 0 \\ \hline \end{{tabular}}").Trim().ShouldBe($"<table><tr><td>{html}</td><td>0</td></tr></table>");

    [Theory]
    [InlineData(@"\multirow{2}*{（五）不予处理}")]
    [InlineData(@"\multirow[t]{2}{3cm}{（五）不予处理}")]
    [InlineData(@"\multirow{2}[4]{*}[1pt]{（五）不予处理}")]
    [InlineData(@"\multirowcell{2}{（五）不予处理}")]
    public void Every_form_of_multirow_gives_its_span(string cell) =>
        LatexTables.AsHtml($@"\begin{{tabular}}{{ll}} {cell} & 1.信访举报投诉类申请 \\[2pt] & 2.重复申请 \\ \end{{tabular}}").Trim()
            .ShouldBe("<table><tr><td rowspan=\"2\">（五）不予处理</td><td>1.信访举报投诉类申请</td></tr><tr><td>2.重复申请</td></tr></table>");

    [Fact]
    public void A_covered_cell_that_holds_text_ends_the_span_above_it()
    {
        const string tex = @"\begin{tabular}{ll} \multirow{3}{*}{A} & 1 \\ & 2 \\ B & 3 \\ \end{tabular}";
        LatexTables.AsHtml(tex).Trim().ShouldBe("<table><tr><td rowspan=\"2\">A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>B</td><td>3</td></tr></table>");
    }

    [Fact]
    public void A_long_tables_head_markers_and_an_unclosed_table_lose_nothing()
    {
        LatexTables.AsHtml(@"\begin{longtable}{|l|l|} \hline 信息内容 & 本年处理决定数量 \\ \hline \endhead 行政许可 & 4529 \\ \hline \end{longtable}").Trim()
            .ShouldBe("<table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>4529</td></tr></table>");
        LatexTables.AsHtml("\\begin{tabular}{|l|l|}\n\\hline 行政处罚 & 1100 \\\\\n\\hline 行政强制 & 65")
            .Trim().ShouldBe("<table><tr><td>行政处罚</td><td>1100</td></tr><tr><td>行政强制</td><td>65</td></tr></table>");
    }

    [Fact]
    public void Headings_written_as_commands_are_lines_of_their_text_and_a_floats_wrapper_goes()
    {
        const string text = "\\title{\n平潭综合实验区2024年度政府信息公开工作年度报告\n}\n\n\\section*{一、总体情况}\n\n正文。\n\n\\begin{table}[h]\n\\centering\n\\caption{第二十条第（一）项}\n\\begin{tabular}{ll} 规章 & 0 \\\\ \\end{tabular}\n\\end{table}\n$$\n";
        var lines = LatexTables.AsHtml(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldBe(["平潭综合实验区2024年度政府信息公开工作年度报告", "一、总体情况", "正文。", "第二十条第（一）项", "<table><tr><td>规章</td><td>0</td></tr></table>"]);
    }

    [Fact]
    public void Text_without_latex_is_not_taken_for_it()
    {
        LatexTables.Holds("主动公开政府信息2041条。\n| 规章 | 0 |").ShouldBeFalse();
        LatexTables.Holds(@"见 \begin{equation} x \end{equation}").ShouldBeFalse();
        LatexTables.Holds(@"\section*{一、总体情况}").ShouldBeTrue();
    }
}
