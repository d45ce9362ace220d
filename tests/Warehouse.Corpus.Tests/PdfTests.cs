using System.Text;
using Shouldly;

namespace Warehouse.Corpus.Tests;

/// <summary>The PDF layout with the real LibreOffice: it must be installed, this test never skips.</summary>
public sealed class PdfTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("corpus-pdf-tests-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public async Task Pdfs_are_made_from_the_docx_layout_in_batches()
    {
        SofficePdfConverter.Find().ShouldNotBeNull(SofficePdfConverter.InstallHint);

        // Two files per soffice process: three reports take two batches.
        var writer = new CorpusWriter(new SofficePdfConverter(batchSize: 2));
        var manifest = await writer.WriteAsync(_temp.FullName, new CorpusOptions(3, 11, [Layouts.Pdf]), null, TestContext.Current.CancellationToken);

        manifest.Entries.Select(e => e.File).ShouldBe(["00000.pdf", "00001.pdf", "00002.pdf"]);
        foreach (var e in manifest.Entries)
        {
            var bytes = File.ReadAllBytes(Path.Combine(_temp.FullName, e.File));
            Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-", e.File);
            File.Exists(Path.Combine(_temp.FullName, e.ExpectedFile)).ShouldBeTrue();
        }

        // The DOCX and the work folder are gone; only the corpus is left.
        Directory.GetDirectories(_temp.FullName).ShouldBeEmpty();
        Directory.GetFiles(_temp.FullName).Length.ShouldBe(7);
    }

    [Fact]
    public async Task A_quarter_of_pdfs_are_printed_again_through_ghostscript()
    {
        GhostscriptReprint.Find().ShouldNotBeNull(GhostscriptReprint.InstallHint);
        Enumerable.Range(0, 4000).Count(i => GhostscriptReprint.Draw(ReportFactory.Create(11, i, 0.15).QuirkSeed)).ShouldBeInRange(850, 1150);

        var manifest = await new CorpusWriter().WriteAsync(_temp.FullName, new CorpusOptions(8, 11, [Layouts.Pdf]), null, TestContext.Current.CancellationToken);

        var printed = 0;
        foreach (var e in manifest.Entries)
        {
            var reprint = GhostscriptReprint.Draw(ReportFactory.Create(11, e.Index, 0.15).QuirkSeed);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(_temp.FullName, e.File));
            (pdf.Information.Producer ?? "").Contains("Ghostscript", StringComparison.Ordinal).ShouldBe(reprint, e.File);
            if (reprint) printed++;
            // The same report either way: its title on the first page.
            pdf.GetPage(1).Text.ShouldContain("政府信息公开", Case.Sensitive, e.File);
        }

        printed.ShouldBeInRange(1, 7);
        Directory.GetDirectories(_temp.FullName).ShouldBeEmpty();
    }

    [Fact]
    public async Task Portal_pages_are_printed_by_chromium_wkhtmltopdf_or_weasyprint_as_a_reader_prints_them()
    {
        ChromiumPagePrinter.Find().ShouldNotBeNull(ChromiumPagePrinter.InstallHint);
        WkhtmltopdfPagePrinter.Find().ShouldNotBeNull(WkhtmltopdfPagePrinter.InstallHint);
        WeasyPrintPagePrinter.Find().ShouldNotBeNull(WeasyPrintPagePrinter.InstallHint);

        // The first seed from 11 whose eight prints hold one of each printer at least (WeasyPrint prints about three in ten).
        var seed = Enumerable.Range(11, 100).First(s => Enumerable.Range(0, 8).Select(i => PagePrint.Draw(ReportFactory.Create(s, i, 0.15), "", ""))
            .ToList() is var drawn && drawn.Any(p => p.Wkhtmltopdf) && drawn.Any(p => p.WeasyPrint) && drawn.Any(p => !p.Wkhtmltopdf && !p.WeasyPrint));
        var manifest = await new CorpusWriter().WriteAsync(_temp.FullName, new CorpusOptions(8, seed, [Layouts.PdfBrowser]), null, TestContext.Current.CancellationToken);

        manifest.Entries.Select(e => e.File).ShouldBe(Enumerable.Range(0, 8).Select(i => $"{i:D5}.pdf"));
        var withHeader = 0;
        var wkhtmltopdf = 0;
        var weasyPrints = 0;
        foreach (var e in manifest.Entries)
        {
            var bytes = File.ReadAllBytes(Path.Combine(_temp.FullName, e.File));
            Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-", e.File);
            var print = PagePrint.Draw(ReportFactory.Create(seed, e.Index, 0.15), "", "");
            // Chromium's footer states the page's address on every page; a print without it does not, nor does Debian's
            // wkhtmltopdf (unpatched Qt: no header or footer).
            var text = Encoding.Latin1.GetString(bytes);
            bool weasyPrinted;
            using (var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(_temp.FullName, e.File)))
            {
                // Chromium's PDFs are Skia's; wkhtmltopdf names itself the creator (Qt the producer); WeasyPrint the producer.
                (pdf.Information.Creator ?? "").StartsWith("wkhtmltopdf", StringComparison.Ordinal).ShouldBe(print.Wkhtmltopdf, e.File);
                weasyPrinted = (pdf.Information.Producer ?? "").StartsWith("WeasyPrint", StringComparison.Ordinal);
            }

            // A page drawn for WeasyPrint is its print, or Chromium's where WeasyPrint failed on it.
            if (weasyPrinted)
            {
                print.WeasyPrint.ShouldBeTrue(e.File);
                weasyPrints++;
            }

            var footed = print.HeaderFooter && !print.Wkhtmltopdf && !weasyPrinted;
            if (footed) withHeader++;
            PdfText(Path.Combine(_temp.FullName, e.File)).Contains(print.Address, StringComparison.Ordinal).ShouldBe(footed, e.File);
            if (print.Wkhtmltopdf) wkhtmltopdf++;
            else if (!weasyPrinted) text.ShouldContain("Skia/PDF", Case.Sensitive, e.File);
        }

        withHeader.ShouldBeInRange(1, 7);
        wkhtmltopdf.ShouldBeInRange(1, 7);
        weasyPrints.ShouldBeGreaterThan(0);
        Directory.GetDirectories(_temp.FullName).ShouldBeEmpty();
    }

    private static string PdfText(string path)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(path);
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task A_browser_that_does_not_start_is_named_in_chinese()
    {
        var page = Path.Combine(_temp.FullName, "page.html");
        File.WriteAllText(page, "<html><body>x</body></html>");
        var print = PagePrint.Draw(ReportFactory.Create(11, 0, 0.15), page, Path.ChangeExtension(page, ".pdf"));
        var error = await Should.ThrowAsync<PagePrintException>(() => new ChromiumPagePrinter(TimeSpan.FromSeconds(20), "/bin/false").PrintAsync([print], null, TestContext.Current.CancellationToken));
        error.Message.ShouldStartWith("Chromium（/bin/false）未能启动");
        File.Exists(print.Pdf).ShouldBeFalse();
    }

    [Fact]
    public async Task A_wkhtmltopdf_that_makes_no_pdf_is_named_in_chinese_and_leaves_nothing()
    {
        var page = Path.Combine(_temp.FullName, "page.html");
        File.WriteAllText(page, "<html><body>x</body></html>");
        var print = PagePrint.Draw(ReportFactory.Create(11, 0, 0.15), page, Path.ChangeExtension(page, ".pdf")) with { Overprint = true };
        var error = await Should.ThrowAsync<PagePrintException>(() => new WkhtmltopdfPagePrinter(TimeSpan.FromSeconds(20), "/bin/false").PrintAsync([print], null, TestContext.Current.CancellationToken));
        error.Message.ShouldStartWith("wkhtmltopdf 打印网页 page.html 时失败（退出码 1");
        Directory.GetFiles(_temp.FullName).ShouldBe([page]);
    }

    [Fact]
    public async Task A_page_weasyprint_fails_on_is_printed_by_the_fallback_and_leaves_nothing_else()
    {
        var page = Path.Combine(_temp.FullName, "page.html");
        File.WriteAllText(page, "<html><body>x</body></html>");
        var print = PagePrint.Draw(ReportFactory.Create(11, 0, 0.15), page, Path.ChangeExtension(page, ".pdf")) with { WeasyPrint = true };
        var fallback = new RecordingPrinter();
        await new WeasyPrintPagePrinter(fallback, TimeSpan.FromSeconds(20), "/bin/false").PrintAsync([print], null, TestContext.Current.CancellationToken);
        fallback.Pages.ShouldBe([print]);
        Directory.GetFiles(_temp.FullName).ShouldBe([page]);
    }

    private sealed class RecordingPrinter : IPagePrinter
    {
        public List<PagePrint> Pages { get; } = [];

        public Task PrintAsync(IReadOnlyList<PagePrint> pages, IProgress<int>? printed, CancellationToken ct)
        {
            Pages.AddRange(pages);
            return Task.CompletedTask;
        }
    }
}
