using System.Text;
using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Rows that a page break cut: in a PDF the row goes on in the first ruled row of the next page,
/// in the same columns; a number cut at its thousands is a number that cannot be read, never part
/// of the row's label.
/// </summary>
public sealed class PageBreakRowsTests
{
    // Seed 000 (every cell of table 三 zero) with the cells of （一）予以公开 printed as given, tab-separated.
    private static Reading SeedWithGranted(string cells)
    {
        var seed = File.ReadAllText(Path.Combine(Fixtures.Dir("Seeds"), "000_6b7f44aa3acc8f17.txt"));
        const string Row = "（一）予以公开\t0\t0\t0\t0\t0\t0\t0\t";
        seed.ShouldContain(Row);
        return Reading.Of(Encoding.UTF8.GetBytes(seed.Replace(Row, "（一）予以公开\t" + cells + "\t", StringComparison.Ordinal)), "seed.txt");
    }

    [Theory]
    [InlineData("pdf-page-break-00211.pdf")]
    [InlineData("pdf-page-break-00306.pdf")]
    [InlineData("pdf-repeated-heading-00014.pdf")]
    [InlineData("pdf-label-rest-in-two-cells-00147.pdf")]
    [InlineData("pdf-heading-over-rule-00499.pdf")]
    public void A_row_cut_by_a_page_break_goes_on_in_the_same_columns_of_the_next_page(string fixture)
    {
        // LibreOffice's PDF of a report whose table 三 has wide label columns: "3,77" at the foot
        // of a page and "0" at the head of the next, in the same ruled column, are 3,770; a group's
        // label goes on beside the pieces ("三、本" and "年度办理结果"); the table's heading, repeated
        // at the head of the page, may stand between; the rest of a label cut by the page ("无法提供"
        // and "机关不掌握相关政府信息" over empty cells) joins its row, not a row of blanks; a header
        // cell's last line laid over the rule below it ("持" of 结果维持) stays in the header.
        var path = Path.Combine(Fixtures.Dir("Generated"), fixture);
        var reading = Reading.Of(File.ReadAllBytes(path), fixture);
        var expected = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, ".expected.json")))!.AsObject();
        foreach (var section in (string[])["applications", "review_litigation"])
        {
            foreach (var (code, row) in expected[section]!.AsObject()) reading.Json[section]![code]!.ToJsonString().ShouldBe(row!.ToJsonString(), code);
        }

        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message).ShouldBeEmpty();
    }

    [Theory]
    // "1,61" of 1,616 left at the foot of a page: read as a piece of the label, the row's other six
    // cells were taken for seven, with a total recovered from their sum (1642) and only a
    // derived-value warning. Then the cut cell was unreadable and the others stood, but the total
    // "296" is cut too (1,616 + 723 + 150 + 252 + 129 + 92 = 2,962) and shows no sign of it: a row
    // that certainly wrapped is unknown in every cell.
    [InlineData("1,61\t723\t150\t252\t129\t92\t296", "[null,null,null,null,null,null,null]", "missing_cells", "「1,61」在千分位处被折行截断")]
    // Six cells whose only reading is a lost total (296 is less than the five before it): that sum
    // is the reading's own making, and the total row (all zeros below) does not confirm it.
    [InlineData("723\t150\t252\t129\t92\t296", "[null,null,null,null,null,null,null]", "missing_cells", "只有 6 个数（应为 7 个），只能读作 (723,150,252,129,92,296,1642)")]
    public void A_row_short_of_a_cell_is_never_completed_from_its_own_sum(string cells, string expected, string rule, string message)
    {
        var reading = SeedWithGranted(cells);

        reading.Json["applications"]!["granted"]!.ToJsonString().ShouldBe(expected);
        reading.Findings.ShouldContain(f => f.Rule == rule && f.Severity == Severity.Error && f.Row == "granted"
            && f.Message.StartsWith("表三「（一）予以公开」", StringComparison.Ordinal) && f.Message.Contains(message, StringComparison.Ordinal));
        reading.Findings.ShouldNotContain(f => f.Rule == "derived_value" && f.Row == "granted");
    }

    // mutool's text of a Word PDF: "2.申请人逾期未按收" and its numbers end a page; the rest of its label comes after the
    // repeated heading, in one block with the next row ("费通知要求缴纳费" / … / "请" / "3.其他" / "0" …). Read as one
    // label, the pieces named the row above and took 3.其他's numbers, so 2.'s cells were read from 3.其他's line. The
    // pieces before a numbered label are the tail of the row above; 2. is then placed by its order.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_rest_of_a_label_after_a_repeated_heading_is_not_the_next_rows_label(bool feeRowNotZero)
    {
        const string Fixture = "mutool-label-rest-after-repeated-heading-00045.txt";
        var text = File.ReadAllText(Path.Combine(Fixtures.Dir("Generated"), Fixture));
        if (feeRowNotZero)
        {
            // One more application of a natural person, in the 2. row: 本年新收 and （七）总计 one more in 自然人 and 总计.
            text = Replace(text, "2.申请人逾期未按收\n-\n0\n/\n0\n0\n0\n0\n", "2.申请人逾期未按收\n1\n0\n/\n0\n0\n0\n1\n");
            text = Replace(text, "（七）总计\n9\n/\n1\n0\n0\n0\n10\n", "（七）总计\n10\n/\n1\n0\n0\n0\n11\n");
            text = Replace(text, "一、本年新收政府信息公开申请数量\n8\n0\n0\n0\n0\n0\n8\n", "一、本年新收政府信息公开申请数量\n9\n0\n0\n0\n0\n0\n9\n");
        }

        var reading = Reading.Of(Encoding.UTF8.GetBytes(text), Fixture);
        int?[] Row(string code) => reading.Json["applications"]![code]!.AsArray().Select(n => n?.GetValue<int>()).ToArray();
        Row("other_fee_unpaid").ShouldBe(feeRowNotZero ? [1, 0, 0, 0, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0]);
        Row("other_other").ShouldBe([0, 0, 0, 0, 0, 0, 0]);
        reading.Findings.ShouldNotContain(f => f.Severity == Severity.Error && f.Rule != "prose_table");
        reading.Findings.ShouldContain(f => f.Rule == "label_misprinted");
    }

    private static string Replace(string text, string from, string to)
    {
        text.ShouldContain(from);
        return text.Replace(from, to, StringComparison.Ordinal);
    }
}
