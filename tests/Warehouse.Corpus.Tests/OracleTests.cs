using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus.Oracle;

namespace Warehouse.Corpus.Tests;

/// <summary>The oracle for run-together tables on hand-made rows, and on the real crawler text of real/pingtan-2021.txt.</summary>
public sealed class OracleTests
{
    private static List<int[]> Row(string printed) => RunTogether.RowReadings(Piece.Parse(printed))!;

    [Fact]
    public void A_real_row_has_one_reading()
    {
        Row("640020470").ShouldHaveSingleItem().ShouldBe([64, 0, 0, 2, 0, 4, 70]);
    }

    [Fact]
    public void Two_equal_digits_before_a_zero_cell_read_two_ways()
    {
        Row("220000022").Select(r => string.Join(",", r)).ShouldBe(["2,20,0,0,0,0,22", "22,0,0,0,0,0,22"], ignoreOrder: true);
    }

    [Fact]
    public void A_kept_boundary_is_never_crossed_and_seven_printed_cells_read_as_printed()
    {
        Row("500000 5").ShouldHaveSingleItem().ShouldBe([5, 0, 0, 0, 0, 0, 5]);
        Row("5 0 0 0 0 0 7").ShouldHaveSingleItem().ShouldBe([5, 0, 0, 0, 0, 0, 7], "seven printed cells are read as printed, even when they do not add up");
        Row("3400005").ShouldBeEmpty("one run whose only cut does not add up");
    }

    [Fact]
    public void A_number_of_several_digits_never_starts_with_zero()
    {
        // "1000001" is 1,0,0,0,0,0,1: never 10,0,0,0,0,01 or 1,00,….
        Row("1000001").ShouldHaveSingleItem().ShouldBe([1, 0, 0, 0, 0, 0, 1]);
        Cuts.Of(Piece.Parse("0024"), 3)!.Select(r => string.Join(",", r)).ShouldBe(["0,0,24"]);
    }

    [Fact]
    public void Table_four_as_one_run_reads_the_real_one_way()
    {
        RunTogether.ReviewReadings(Piece.Parse("10203120001200000")).ShouldHaveSingleItem()
            .ShouldBe([1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
        var result = RunTogether.TableFour(Piece.Parse("11000110000000000"));
        result.Cells["review"].ShouldBe([null, null, 0, 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        result.Ambiguous.ShouldBe(["review_litigation.review.0", "review_litigation.review.1"]);
        result.Findings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.Rule.ShouldBe("cells_ambiguous"), f => f.Row.ShouldBe("review"), f => f.Column.ShouldBe("upheld"));
        var none = RunTogether.TableFour(Piece.Parse("12000000000000000"));
        none.Cells["review"].ShouldAllBe(v => v == null);
        none.Findings.ShouldHaveSingleItem().Rule.ShouldBe("missing_cells");
    }

    // Table 三 of real/pingtan-2021.txt, row by row as the crawler printed it.
    private static readonly (string Code, string Printed)[] Pingtan2021 =
    [
        ("new_received", "640020470"), ("carried_over", "0000000"), ("granted", "270020130"), ("partially_granted", "500000 5"),
        ("denied_state_secret", "0000000"), ("denied_prohibited_by_law", "0000000"), ("denied_three_safeties_one_stability", "0000000"),
        ("denied_third_party_rights", "0000000"), ("denied_internal_affairs", "1000001"), ("denied_process_information", "0000000"),
        ("denied_law_enforcement_file", "6000006"), ("denied_administrative_inquiry", "1000001"), ("unavailable_not_held", "220000325"),
        ("unavailable_needs_creation", "0000000"), ("unavailable_still_unclear", "0000000"), ("not_processed_petition", "0000000"),
        ("not_processed_duplicate", "0000000"), ("not_processed_publication", "0000000"), ("not_processed_excessive", "0000000"),
        ("not_processed_confirmation", "0000000"), ("other_no_correction", "0000000"), ("other_fee_unpaid", "0000000"),
        ("other_other", "1000001"), ("total_processed", "630020469"), ("carried_forward", "1000001"),
    ];

    private static IReadOnlyList<string> Outcomes(Template template = Template.Template2021) =>
        DisposalCategories.Outcomes(template).Select(c => c.Code).ToList();

    private static RunTogether.Result Three(IEnumerable<(string Code, string Printed)> rows) =>
        RunTogether.TableThree(rows.Select(r => (r.Code, Piece.Parse(r.Printed))).ToList(), Outcomes());

    [Fact]
    public void The_real_table_three_reads_one_way_by_the_template_rules()
    {
        // "220000325" alone reads 22,0,… or 2,20,…; the total row's zero in 商业企业 decides.
        Row("220000325").Count.ShouldBe(2);
        var result = Three(Pingtan2021);
        result.TooMany.ShouldBeNull();
        result.Ambiguous.ShouldBeEmpty();
        result.Findings.ShouldBeEmpty();
        result.Cells["unavailable_not_held"].ShouldBe([22, 0, 0, 0, 0, 3, 25]);
        result.Cells["new_received"].ShouldBe([64, 0, 0, 2, 0, 4, 70]);
        result.Cells["total_processed"].ShouldBe([63, 0, 0, 2, 0, 4, 69]);
    }

    private static IEnumerable<(string Code, string Printed)> Zeros(params (string Code, string Printed)[] rows) =>
        DisposalCategories.For(Template.Template2021).Select(c => rows.FirstOrDefault(r => r.Code == c.Code) is { Code: not null } r ? r : (c.Code, "0000000"));

    [Fact]
    public void Rows_the_rules_cannot_decide_are_null_where_their_readings_differ()
    {
        var result = Three(Zeros(("new_received", "220000022"), ("granted", "220000022"), ("total_processed", "220000022")));
        foreach (var code in new[] { "new_received", "granted", "total_processed" })
        {
            result.Cells[code].ShouldBe([null, null, 0, 0, 0, 0, 22], code);
        }

        result.Ambiguous.ShouldBe(["applications.new_received.0", "applications.new_received.1", "applications.granted.0", "applications.granted.1", "applications.total_processed.0", "applications.total_processed.1"], ignoreOrder: true);
        result.Findings.Select(f => (f.Rule, f.Row, f.Column)).ShouldBe(
            [("cells_ambiguous", "new_received", "natural_person"), ("cells_ambiguous", "granted", "natural_person"), ("cells_ambiguous", "total_processed", "natural_person")], ignoreOrder: true);
    }

    [Fact]
    public void The_rules_decide_when_one_row_tells_the_columns_apart()
    {
        // The total row printed with its boundaries says 22 natural persons: the others follow.
        var result = Three(Zeros(("new_received", "220000022"), ("granted", "220000022"), ("total_processed", "22 0 0 0 0 0 22")));
        result.Ambiguous.ShouldBeEmpty();
        result.Cells["new_received"].ShouldBe([22, 0, 0, 0, 0, 0, 22]);
        result.Cells["granted"].ShouldBe([22, 0, 0, 0, 0, 0, 22]);
    }

    [Fact]
    public void When_no_combination_adds_up_the_rows_with_several_readings_are_null()
    {
        // 本年新收 reads 22 or 2+20; the total row says 23 natural persons: nothing balances.
        var result = Three(Zeros(("new_received", "220000022"), ("granted", "23 0 0 0 0 0 23"), ("total_processed", "23 0 0 0 0 0 23")));
        result.Cells["new_received"].ShouldAllBe(v => v == null);
        result.Cells["granted"].ShouldBe([23, 0, 0, 0, 0, 0, 23], "a row with one reading keeps it");
        result.Findings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.Rule.ShouldBe("cells_run_together"), f => f.Row.ShouldBe("new_received"), f => f.Column.ShouldBeNull());
    }

    [Fact]
    public void A_row_with_no_reading_is_missing()
    {
        var result = Three(Zeros(("granted", "3400005")));
        result.Cells["granted"].ShouldAllBe(v => v == null);
        result.Findings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(f => f.Rule.ShouldBe("missing_cells"), f => f.Row.ShouldBe("granted"));
    }

    [Fact]
    public void A_table_over_the_cap_names_its_row_with_the_most_readings()
    {
        // Every row with two readings: 2^25 combinations, far more than the cap.
        var rows = DisposalCategories.For(Template.Template2021).Select(c => (c.Code, "220000022")).ToList();
        var result = Three(rows);
        result.TooMany.ShouldNotBeNull();
    }

    [Fact]
    public void Table_two_rows_read_one_way_or_are_ambiguous()
    {
        string[] paths = ["a.issued", "a.repealed", "a.in_force"];
        RunTogether.ActiveRow("normative_documents", Cuts.Of(Piece.Parse("000"), 3)!, paths).Values.ShouldBe([0m, 0m, 0m]);
        var (values, ambiguous, finding) = RunTogether.ActiveRow("normative_documents", Cuts.Of(Piece.Parse("693665"), 3)!, paths);
        values.ShouldAllBe(v => v == null);
        ambiguous.ShouldBe(paths);
        finding!.Rule.ShouldBe("cells_ambiguous");
        finding.Row.ShouldBe("normative_documents");
        finding.Column.ShouldBeNull();
        RunTogether.ActiveRow("licensing", Cuts.Of(Piece.Parse("2293"), 1)!, ["licensing"]).Values.ShouldBe([2293m]);
    }

    [Fact]
    public void A_minus_sign_starts_a_cell_and_a_decimal_point_ends_its_run()
    {
        Cuts.Of(Piece.Parse("12-3200"), 3)!.Select(r => string.Join(",", r)).ShouldBe(["1,2,-3200", "12,-3,200", "12,-320,0"], ignoreOrder: true);
        Cuts.Of(Piece.Parse("26144.5"), 2)!.Select(r => string.Join(",", r)).ShouldBe(["2,6144.5", "26,144.5", "261,44.5", "2614,4.5"], ignoreOrder: true);
        Cuts.Of(Piece.Parse("24252.311082"), 1)!.ShouldHaveSingleItem().ShouldBe([24252.311082m]);
    }
}
