using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// html-to-text (Node; the converter behind LangChain.js's HtmlToTextTransformer) with its defaults writes a table
/// that is not marked as a data table as a block: a row's cells that hold bare text run together, zero marks glued
/// among them ("13415160/-291"), an empty cell leaves nothing ("033295976" for 0, 33, 29, 5, blank, 9, 76), and
/// <c>&amp;nbsp;</c> a space. Read as run-together cells that never vanish, rows split one way that a blank splits
/// another: 29 cells silently wrong in 150 such pages. A blank is now a reading wherever the document shows that its
/// cells vanish, and the table's rules weigh it with the others.
/// </summary>
public sealed class HtmlToTextTests
{
    private static RealReports.Reading Read(string name) =>
        RealReports.Read(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Generated"), name + ".txt")), name);

    private static Dictionary<string, JsonNode?> Page(string name) =>
        RealReports.Flatten(JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Dir("Generated"), name + ".page.json")))!.AsObject());

    [Theory]
    [InlineData("html-to-text-trs-bare-cells-00000")]
    [InlineData("html-to-text-trs-bare-cells-00016")]
    [InlineData("html-to-text-trs-bare-cells-00025")]
    public void Html_to_text_of_cells_holding_bare_text_is_never_silently_wrong(string name)
    {
        var reading = Read(name);
        reading.Parse.Rejection.ShouldBeNull();
        var page = Page(name);
        page.Where(kv => kv.Key != "region_code" && reading.Cells.GetValueOrDefault(kv.Key) is { } got && !RealReports.Same(kv.Value, got))
            .Select(kv => $"{kv.Key}: want {kv.Value?.ToJsonString()}, got {reading.Cells[kv.Key]?.ToJsonString()}")
            .ShouldBeEmpty();
        var unknown = page.Keys.Where(k => k.StartsWith("app.", StringComparison.Ordinal) && reading.Cells.GetValueOrDefault(k) is null).ToList();
        if (unknown.Count > 0) reading.Findings.ShouldContain(f => f.Severity == Severity.Error);
    }

    // "13415160/-291" (二、上年结转): the slash and the dash are zeros glued among the digits. The dash was taken for the
    // start of a label "/-", the row short of its cells. Now 134, 151, 6, 0, "/", "-", 291.
    [Fact]
    public void Zero_marks_glued_among_digits_are_cells()
    {
        var reading = Read("html-to-text-trs-bare-cells-00000");
        string.Join(",", Enumerable.Range(0, ApplicantTypes.Count).Select(c => reading.Cells[$"app.carried_over.{c}"]?.ToJsonString() ?? "null"))
            .ShouldBe("134,151,6,0,0,0,291");
        reading.Findings.ShouldNotContain(f => f.Rule == "unrecognised_row" && f.Message.Contains("/-", StringComparison.Ordinal));
    }

    // "4.保护第三方合法权益033295976": read 0, 3, 3, 2, 9, 59, 76 (it adds up) where the page has 0, 33, 29, 5, blank,
    // 9, 76. Both are readings now, and the table's column rules (checkable once "6821,2371051772637443,208" reads
    // too: 682, 1,237, …, 3,208) choose the page's; so for "6.属于四类过程性信息1100714 32", whose &nbsp; left a space (11, 0, 0, 7, 14, blank, 32).
    [Fact]
    public void A_vanished_blank_is_a_reading_the_table_rules_weigh()
    {
        static string Row(RealReports.Reading r, string code) =>
            string.Join(",", Enumerable.Range(0, ApplicantTypes.Count).Select(c => r.Cells[$"app.{code}.{c}"]?.ToJsonString() ?? "null"));

        var reading = Read("html-to-text-trs-bare-cells-00016");
        Row(reading, "denied_third_party_rights").ShouldBe("0,33,29,5,0,9,76");
        Row(reading, "denied_process_information").ShouldBe("11,0,0,7,14,0,32");
        Row(reading, "new_received").ShouldBe("682,1237,105,177,263,744,3208");
        // "1.属于国家秘密0/0--  2 其他法律…" in 00025: the "2" numbers the next row, a space before its words, and is no
        // cell; the row's blank zero and its 总计, a zero written blank, vanished.
        var other = Read("html-to-text-trs-bare-cells-00025");
        Row(other, "denied_state_secret").ShouldBe("0,0,0,0,0,0,0");
    }

    // A zero written "——" (the Chinese dash) or "--", standing between spaces, is one cell: the rule for marks glued
    // among run-together digits split it in two, and the row had eight cells.
    [Theory]
    [InlineData("——")]
    [InlineData("--")]
    public void A_spaced_mark_of_two_dashes_is_one_cell(string mark)
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures.Dir("Real"), "huaian-2024-layout.txt"));
        var row = Array.FindIndex(lines, l => l.Contains("1.属于国家秘密", StringComparison.Ordinal));
        lines[row] = System.Text.RegularExpressions.Regex.Replace(lines[row], @"(?<=\s)0(?=\s)", mark);
        lines[row].ShouldContain(" " + mark + " ");
        var reading = RealReports.Read(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines)), "dashes");
        RealReports.WrongCells(RealReports.Expected("huaian-2024"), reading).ShouldBeEmpty();
    }
}
