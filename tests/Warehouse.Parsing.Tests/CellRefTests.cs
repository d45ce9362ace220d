using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>A cell's path in parse --json is the same text whether it is built, written or read back.</summary>
public sealed class CellRefTests
{
    [Fact]
    public void A_cell_writes_the_dotted_path_of_the_json_contract()
    {
        CellRef.Application("carried_forward", 6).ToString().ShouldBe("applications.carried_forward.6");
        CellRef.ApplicationPath("carried_forward", 6).ShouldBe("applications.carried_forward.6");
        CellRef.Review(9).ToString().ShouldBe("review_litigation.litigation_direct.4");
        CellRef.Active("regulations", "issued").ToString().ShouldBe("active_disclosure.regulations.issued");
    }

    [Theory]
    [InlineData("applications.carried_forward.6", CellTable.Applications, "carried_forward", 6)]
    [InlineData("review_litigation.review.4", CellTable.ReviewLitigation, "review", 4)]
    [InlineData("active_disclosure.normative_documents.in_force", CellTable.ActiveDisclosure, "normative_documents", null)]
    public void A_path_reads_back_to_its_table_row_and_column(string path, CellTable table, string row, int? index)
    {
        CellRef.TryParse(path, out var cell).ShouldBeTrue();
        (cell.Table, cell.Row, cell.Index).ShouldBe((table, row, index));
        cell.ToString().ShouldBe(path);
    }

    [Theory]
    [InlineData("active_disclosure.fees_10k_yuan")]
    [InlineData("active_disclosure.template_2019_columns.licensing.1")]
    [InlineData("appendix.carried_forward.6")]
    public void A_path_that_is_not_table_row_column_is_not_a_cell(string path) =>
        CellRef.TryParse(path, out _).ShouldBeFalse();
}
