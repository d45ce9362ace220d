using Shouldly;

namespace Warehouse.Parsing.Tests;

/// <summary>Generated reports, consistent and broken on purpose, in every layout, read back cell for cell.</summary>
public sealed class GeneratedCorpusTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    private IEnumerable<CorpusReading> ReadAll(string? layout = null) =>
        corpus.Manifest.Entries.Where(e => layout is null || e.Layout == layout).Select(e => CorpusReading.Read(corpus.Directory, e));

    public static TheoryData<string> AllLayouts() => new(GeneratedCorpus.Layouts);

    [Theory]
    [MemberData(nameof(AllLayouts))]
    public void Every_cell_of_every_generated_report_reads_back_equal(string layout)
    {
        var problems = new List<string>();
        var count = 0;
        foreach (var o in ReadAll(layout))
        {
            count++;
            problems.AddRange(o.WrongValues());
        }

        count.ShouldBe(GeneratedCorpus.Count / GeneratedCorpus.Layouts.Count);
        problems.ShouldBeEmpty($"{problems.Count} problems in {count} {layout} reports, first: {string.Join("\n", problems.Take(15))}");
    }

    [Fact]
    public void Page_numbers_in_the_footers_of_generated_pdfs_are_no_rows_of_their_tables()
    {
        // The pdf layout numbers half its documents' pages ("-2-" in 13 pt, "- 2 -", "第2页"), in type larger than the
        // tables', so that on a page of table the number stands further from the foot than five of the page's lines.
        var numbered = 0;
        var problems = new List<string>();
        foreach (var o in ReadAll(Corpus.Layouts.Pdf))
        {
            if (AnyPage(o, p => System.Text.RegularExpressions.Regex.IsMatch(p.Text, @"-\s?\d+\s?-|第\d+页"))) numbered++;

            problems.AddRange(o.Findings.Where(f => f.Rule == "unrecognised_row").Select(f => $"{o.Entry.File}: {f.Message}"));
        }

        numbered.ShouldBeGreaterThan(GeneratedCorpus.Count / GeneratedCorpus.Layouts.Count / 4);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Pdfs_with_pages_printed_sideways_read_back_equal()
    {
        // One pdf document in five has about half its pages drawn a quarter turn round (Corpus.SidewaysPages), their
        // text running up the sheet or down it.
        var sideways = 0;
        var problems = new List<string>();
        foreach (var o in ReadAll(Corpus.Layouts.Pdf))
        {
            if (!AnyPage(o, p => p.Letters.Count(l => l.TextOrientation is UglyToad.PdfPig.Content.TextOrientation.Rotate90 or UglyToad.PdfPig.Content.TextOrientation.Rotate270) * 2 > p.Letters.Count)) continue;
            sideways++;
            problems.AddRange(o.WrongValues());
        }

        sideways.ShouldBeInRange(8, 35);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Pdfs_printed_again_by_Ghostscript_read_back_equal()
    {
        // One pdf document in four is printed again through Ghostscript's pdfwrite (Corpus.GhostscriptReprint): fonts
        // re-encoded one byte a glyph, text drawn line by line with "'", strings whose codes begin with FE FF.
        var printed = 0;
        var problems = new List<string>();
        foreach (var o in ReadAll(Corpus.Layouts.Pdf))
        {
            using (var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(corpus.Directory, o.Entry.File)))
            {
                if (pdf.Information.Producer?.Contains("Ghostscript", StringComparison.Ordinal) != true) continue;
            }

            printed++;
            problems.AddRange(o.WrongValues());
        }

        printed.ShouldBeInRange(12, 40);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Markdown_whose_tables_repeat_merged_numbers_reads_back_equal()
    {
        // One markdown document in five (not spanless) writes its tables as a grid (Corpus.MarkdownRenderer.IsGrid): a
        // merged cell repeated in each place it covers, table 二's counts too ("| 行政许可 | 489 | 489 | 489 |").
        var grids = 0;
        var problems = new List<string>();
        foreach (var o in ReadAll(Corpus.Layouts.Markdown))
        {
            var text = File.ReadAllText(Path.Combine(corpus.Directory, o.Entry.File));
            if (!System.Text.RegularExpressions.Regex.IsMatch(text, @"\|\s*行政(许可|处罚|强制)\s*\|\s*([^|\s][^|]*?)\s*\|\s*\2\s*\|\s*\2\s*\|")) continue;
            grids++;
            problems.AddRange(o.WrongValues());
            if (o.Injected.Count == 0) problems.AddRange(o.UnexpectedErrors());
        }

        grids.ShouldBeInRange(4, 30);
        problems.ShouldBeEmpty();
    }

    // Whether a page of the report's PDF holds.
    private bool AnyPage(CorpusReading o, Func<UglyToad.PdfPig.Content.Page, bool> holds)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(corpus.Directory, o.Entry.File));
        return pdf.GetPages().Any(holds);
    }

    [Theory]
    [MemberData(nameof(AllLayouts))]
    public void Each_injected_inconsistency_is_an_error_naming_its_row_and_column(string layout)
    {
        var problems = new List<string>();
        var injected = 0;
        foreach (var o in ReadAll(layout).Where(o => o.Actual is not null))
        {
            injected += o.Injected.Count;
            problems.AddRange(o.MissedInjections());
            // A report without injections raises no error; one with them may raise more than them
            // (an injected cell breaks every rule it takes part in).
            if (o.Injected.Count == 0) problems.AddRange(o.UnexpectedErrors());
        }

        injected.ShouldBeGreaterThan(0);
        problems.ShouldBeEmpty($"{problems.Count} problems, first: {string.Join("\n", problems.Take(15))}");
    }
}
