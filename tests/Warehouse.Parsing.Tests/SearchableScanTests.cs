using Shouldly;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;
using Warehouse.Core;
using Warehouse.Corpus;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Scans made searchable: pictures of the pages with an OCR tool's invisible text over them (text rendering mode 3) and no
/// rules but the pictures'. What is read is the recognition, so the reader is told so (the ocr_text_layer warning, or
/// beside a refusal's reason); a perfect recognition reads whole, a poor one leaves its cells unknown, never wrong.
/// </summary>
public sealed class SearchableScanTests : IDisposable
{
    // LibreOffice prints each, pdftoppm pictures its pages: about a second a report.
    private const int Count = 40;

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("searchable-scan-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task Every_cell_of_scans_made_searchable_by_a_perfect_recognition_reads_back_with_the_warning()
    {
        SofficePdfConverter.Find().ShouldNotBeNull(SofficePdfConverter.InstallHint);
        SearchableScan.Find().ShouldNotBeNull(SearchableScan.InstallHint);
        var manifest = await new CorpusWriter(new SofficePdfConverter()).WriteAsync(_temp.FullName, new CorpusOptions(Count, 67, [Layouts.PdfScanOcr]), null, TestContext.Current.CancellationToken);
        var problems = new List<string>();
        foreach (var entry in manifest.Entries)
        {
            var path = Path.Combine(_temp.FullName, entry.File);
            // What the layout is: every letter invisible, no path painted, a picture under each page.
            using (var pdf = PdfDocument.Open(File.ReadAllBytes(path)))
            {
                foreach (var page in pdf.GetPages())
                {
                    page.Letters.ShouldAllBe(l => l.RenderingMode == UglyToad.PdfPig.Core.TextRenderingMode.Neither, entry.File);
                    page.Paths.ShouldAllBe(p => !p.IsStroked && !p.IsFilled, entry.File);
                    page.GetImages().ShouldHaveSingleItem(entry.File).BoundingBox.Width.ShouldBe(page.Width, 1, entry.File);
                }
            }

            var reading = CorpusReading.Read(_temp.FullName, entry);
            if (reading.Actual is null) { problems.Add($"{entry.File}: {reading.Parse.Rejection}"); continue; }
            problems.AddRange(reading.WrongValues().Select(w => $"{entry.File}: {w}"));
            problems.AddRange(reading.UnexpectedErrors().Select(w => $"{entry.File}: {w}"));
            problems.AddRange(reading.MissedInjections().Select(w => $"{entry.File}: {w}"));
            if (!reading.Findings.Any(f => f.Rule == "ocr_text_layer")) problems.Add($"{entry.File}: no ocr_text_layer warning");
        }

        problems.ShouldBeEmpty($"{problems.Count} problems in {Count} pdf-scan-ocr reports, first: {string.Join("\n", problems.Take(15))}");
    }

    [Fact]
    public void A_scan_whose_ocr_layer_holds_the_pages_words_reads_whole_and_says_its_text_is_the_ocrs()
    {
        // Fixtures/Generated/searchable-scan.py of a LibreOffice PDF of the generator: its own letters made invisible, its
        // rules unpainted, a picture of each page beneath (a perfect recognition).
        var path = Path.Combine(Fixtures.Dir("Generated"), "searchable-scan-00001.pdf");
        RealReports.ShouldReadAsExpected(path);
        var reading = RealReports.Read(File.ReadAllBytes(path), Path.GetFileName(path));
        reading.Findings.ShouldContain(f => f.Rule == "ocr_text_layer" && f.Severity == Severity.Warning && f.Message.StartsWith("本 PDF 是扫描件", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scan_that_tesseract_recognised_leaves_the_cells_it_misread_unknown_and_none_wrong()
    {
        // hongze-2024.pdf's pages at 150 dpi through Tesseract 5.3 (chi_sim): it reads the tables' rules as "|" and "1"
        // ("50|1010101010150"). Before, the dozens of row errors gave no cause.
        var reading = RealReports.Read(File.ReadAllBytes(RealReports.File("hongze-2024-tesseract")), "hongze-2024-tesseract.pdf");
        var report = reading.Parse.Report.ShouldNotBeNull();
        report.Agency.ShouldBe("淮安市洪泽区人民政府");
        report.Year.ShouldBe(2024);
        reading.Findings.ShouldContain(f => f.Rule == "ocr_text_layer");
        var wrong = RealReports.WrongCells(RealReports.Expected("hongze-2024"), reading);
        wrong.Where(w => !w.EndsWith("got null", StringComparison.Ordinal)).ShouldBeEmpty();
        wrong.Count.ShouldBeGreaterThan(0);
        reading.Findings.ShouldContain(f => f.Severity == Severity.Error);
    }

    [Fact]
    public void A_refused_scan_gives_its_ocr_layer_as_a_possible_cause()
    {
        using var document = PdfDocument.Open(File.ReadAllBytes(RealReports.File("hongze-2024-tesseract")));
        var builder = new PdfDocumentBuilder();
        builder.AddPage(document, 4);
        builder.AddPage(document, 5);
        var result = ReportParser.Default.Parse(builder.Build(), new ParseOptions("tail.pdf"));
        result.Report.ShouldBeNull();
        result.Rejection.ShouldNotBeNull().ShouldContain("；另：本 PDF 是扫描件，读到的文字是 OCR 识别后加上的隐形文字层");
    }

    [Fact]
    public void A_pdf_with_its_own_text_is_no_scan()
    {
        foreach (var name in new[] { "hongze-2024", "huaian-2024", "pingtan-2024-libreoffice", "pingtan-2021-weasyprint" })
        {
            RealReports.Read(File.ReadAllBytes(RealReports.File(name)), name).Findings.ShouldNotContain(f => f.Rule == "ocr_text_layer", name);
        }
    }
}
