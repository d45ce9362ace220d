using Shouldly;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Tests;

/// <summary>The rules a PDF draws its table with, in each way producers draw them.</summary>
public sealed class PdfRulesTests
{
    [Fact]
    public void A_table_drawn_as_a_box_round_each_cell_is_read_by_its_cells()
    {
        // Report systems draw each cell as a stroked rectangle ("x y w h re S"), not as lines: a
        // number wrapped in its cell ("5" over "6") is one cell only when the boxes are rules.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        double[] left = [60, 200, 260, 320];
        string[][] rows = [["Label A", "12", "34"], ["Label B", "5\n6", "78"]];
        for (var r = 0; r < rows.Length; r++)
        {
            var bottom = 700 - (r * 40);
            for (var c = 0; c < 3; c++)
            {
                page.DrawRectangle(new PdfPoint(left[c], bottom), left[c + 1] - left[c], 40, 0.5, fill: false);
                var lines = rows[r][c].Split('\n');
                for (var l = 0; l < lines.Length; l++) page.AddText(lines[l], 10, new PdfPoint(left[c] + 5, bottom + 25 - (l * 12)), font);
            }
        }

        var (document, why) = ReportParser.ReadDocument(builder.Build(), new ParseOptions("boxes.pdf"));
        why.ShouldBeNull();
        var table = document!.Blocks.OfType<TableRow>().Select(row => string.Join("|", row.Cells)).ToList();
        table.ShouldBe(["Label A|12|34", "Label B|56|78"]);
    }
}
