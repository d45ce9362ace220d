using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Shouldly;
using V = DocumentFormat.OpenXml.Vml;

namespace Warehouse.Corpus.Tests;

public sealed class DocxLayoutTests
{
    public static TheoryData<string> WordLayouts() => new([Layouts.Docx, Layouts.Pdf, Layouts.TextPdftotext, Layouts.DocxEdited]);

    [Theory]
    [MemberData(nameof(WordLayouts))]
    public void Docx_opens_and_passes_the_OpenXml_validator(string layout)
    {
        var validator = new OpenXmlValidator();
        foreach (var (g, bytes) in Rendered.In(layout))
        {
            using var stream = new MemoryStream(bytes);
            using var doc = WordprocessingDocument.Open(stream, false);
            var errors = validator.Validate(doc, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            errors.ShouldBeEmpty($"report {g.Index} ({layout})");
        }
    }

    [Fact]
    public void Docx_tables_merge_cells_as_the_template_and_sometimes_split_table_three_or_box_the_title()
    {
        var split = 0;
        var boxed = 0;
        foreach (var (g, bytes) in Rendered.In(Layouts.Docx))
        {
            using var stream = new MemoryStream(bytes);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart!.Document.Body!;
            var because = $"report {g.Index}";
            body.Descendants<GridSpan>().ShouldNotBeEmpty(because);
            body.Descendants<VerticalMerge>().ShouldContain(m => m.Val != null && m.Val.Value == MergedCellValues.Restart, because);
            body.Descendants<VerticalMerge>().ShouldContain(m => m.Val != null && m.Val.Value == MergedCellValues.Continue, because);

            // The first cell of the outcome rows: 三、本年度办理结果, merged down over every outcome and the total.
            var start = body.Descendants<TableCell>().Single(c => c.InnerText == "三、本年度办理结果");
            start.TableCellProperties!.VerticalMerge!.Val!.Value.ShouldBe(MergedCellValues.Restart, because);

            var tables = body.Elements<Table>().Count();
            tables.ShouldBeInRange(3, 4, because);
            if (tables == 4)
            {
                split++;
                body.Descendants<Break>().ShouldContain(b => b.Type != null && b.Type.Value == BreakValues.Page, because);
            }

            if (body.Descendants<V.TextBox>().Any())
            {
                boxed++;
                body.Descendants<V.TextBox>().Single().InnerText.ShouldContain(g.Report.Agency, Case.Sensitive, because);
            }
        }

        split.ShouldBeGreaterThan(0, "table 三 split in two by a page break");
        boxed.ShouldBeGreaterThan(0, "a title in a text box");
    }

    [Fact]
    public void Docx_leaves_some_zero_cells_blank_the_docx_for_a_pdf_only_from_an_office_that_types_no_zeros_and_the_one_for_pdftotext_only_in_laid_out_text()
    {
        // The blank cells of each table, in order.
        List<int> Blanks(byte[] bytes)
        {
            using var stream = new MemoryStream(bytes);
            using var doc = WordprocessingDocument.Open(stream, false);
            // Values are never merged; a merged label restarted under a page break is empty in any layout.
            return doc.MainDocumentPart!.Document.Body!.Descendants<Table>()
                .Select(t => t.Descendants<TableCell>().Where(c => c.TableCellProperties?.VerticalMerge is null).Count(c => c.InnerText.Trim().Length == 0))
                .ToList();
        }

        Rendered.In(Layouts.Docx).Sum(x => Blanks(x.Bytes).Sum()).ShouldBeGreaterThan(0);
        // The PDF layout's documents leave no cell blank, except those of an office that types no zeros, which leave
        // every zero blank and print no "0", "-" or "/" in any table.
        var noZeros = 0;
        foreach (var (g, bytes) in Rendered.In(Layouts.Pdf))
        {
            if (!CorpusWriter.NoZerosTyped(g.QuirkSeed))
            {
                Blanks(bytes).Sum().ShouldBe(0, $"report {g.Index}");
                continue;
            }

            noZeros++;
            using var stream = new MemoryStream(bytes);
            using var doc = WordprocessingDocument.Open(stream, false);
            doc.MainDocumentPart!.Document.Body!.Descendants<TableCell>().Select(c => c.InnerText.Trim()).Where(t => t is "0" or "-" or "/").ShouldBeEmpty($"report {g.Index}");
        }

        noZeros.ShouldBeGreaterThan(0);

        // Tables 二 (the first), 三 (the second, or the second and third when a page break splits it) and 四 (the last, when
        // all zero) leave zeros blank in the reports drawn for it, which are never extracted with -raw: there a blank cell
        // leaves no trace.
        var withBlanks = 0;
        var fourWithBlanks = 0;
        foreach (var (g, rendition) in Rendered.Of(Layouts.TextPdftotext, count: 80))
        {
            var blanks = Blanks(rendition.Bytes);
            var three = blanks.Count == 4 ? blanks[1] + blanks[2] : blanks[1];
            var four = blanks[^1];
            if (!Pdftotext.DrawBlanks(g.QuirkSeed)) (blanks[0] + three + four).ShouldBe(0, $"report {g.Index}");
            if (three > 0) withBlanks++;
            if (four > 0) fourWithBlanks++;
            if (Pdftotext.DrawRaw(g.QuirkSeed)) Pdftotext.DrawBlanks(g.QuirkSeed).ShouldBeFalse();
        }

        fourWithBlanks.ShouldBeGreaterThan(3, "table 四 with blank cells in some of the laid-out reports drawn for blanks");
        withBlanks.ShouldBeGreaterThan(5, "table 三 with blank cells in about three in ten of the laid-out reports");
    }
}
