using Shouldly;
using Warehouse.Corpus;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// The layouts of tools that turn a portal page or a PDF into text (a text browser's dump, a
/// browser's print read without layout, pandoc's and html2text's markdown, pdftotext without -layout of a WPS or
/// Word PDF, an OCR tool's markdown with its tables as HTML or as LaTeX), generated at scale without LibreOffice, LibreOffice's text of a
/// Word report (text-libreoffice: each cell a line, a blank an empty line), pdfplumber's text of a WPS PDF (text-pdfplumber:
/// a row on a line, some rows' numbers above their label), and the portal page as a browser prints it
/// (pdf-browser: Debian's chromium, which tests/run installs; without it the writer throws), read
/// back cell for cell.
/// </summary>
public sealed class PortalTextLayoutTests : IDisposable
{
    private const int PerLayout = 120;

    // A browser's print takes about a second a page: fewer of them.
    private const int Printed = 40;

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("portal-text-layouts-");

    public void Dispose() => _temp.Delete(recursive: true);

    public static TheoryData<string, int> PortalTextLayouts() => new()
    {
        { Layouts.TextBoxDraw, PerLayout }, { Layouts.TextBrowserPrint, PerLayout }, { Layouts.MarkdownPandoc, PerLayout }, { Layouts.TextPdfPlain, PerLayout },
        { Layouts.MarkdownOcr, PerLayout }, { Layouts.MarkdownHtml2Text, PerLayout }, { Layouts.TextLibreOffice, PerLayout }, { Layouts.TextPdfplumber, PerLayout }, { Layouts.MarkdownMathpix, PerLayout }, { Layouts.TextDocxRaw, PerLayout },
        { Layouts.PdfBrowser, Printed },
    };

    [Theory]
    [MemberData(nameof(PortalTextLayouts))]
    public async Task Every_cell_and_the_title_read_back_equal_and_only_the_injected_inconsistencies_are_errors(string layout, int count)
    {
        var manifest = await new CorpusWriter().WriteAsync(_temp.FullName, new CorpusOptions(count, 53, [layout]), null, TestContext.Current.CancellationToken);
        var problems = new List<string>();
        var besideLabels = 0;
        var numbersFirst = 0;
        var paragraphCells = 0;
        var numbersAbove = 0;
        foreach (var reading in manifest.Entries.Select(e => CorpusReading.Read(_temp.FullName, e)))
        {
            // A browser's print as pdftotext gives it: first cells beside wrapped labels, put back (a third of text-pdf-plain).
            if (reading.Findings.Any(f => f.Rule == "table_reordered" && f.Message.Contains("自然人", StringComparison.Ordinal))) besideLabels++;
            // Table 二 with each row's numbers before its label, as pdfminer orders text by position alone (three in ten of text-pdf-plain).
            if (reading.Findings.Any(f => f.Rule == "table_reordered" && f.Message.StartsWith("表二", StringComparison.Ordinal))) numbersFirst++;
            if (reading.Parse.Layout == Text.PlainTextLayout.ParagraphCellsLayout) paragraphCells++;
            // pdfplumber's rows whose numbers stand above their label, after a group label: read as the group's, put back.
            if (reading.Findings.Any(f => f.Rule == "derived_value" && f.Message.Contains("其数字印在", StringComparison.Ordinal))) numbersAbove++;
            problems.AddRange(reading.WrongValues());
            if (reading.Actual is null) continue;
            problems.AddRange(reading.MissedInjections());
            problems.AddRange(reading.UnexpectedErrors());
        }

        manifest.Entries.Count.ShouldBe(count);
        problems.ShouldBeEmpty($"{problems.Count} problems in {count} {layout} reports, first: {string.Join("\n", problems.Take(15))}");
        if (layout == Layouts.TextPdfPlain) besideLabels.ShouldBeGreaterThan(count / 10);
        if (layout == Layouts.TextPdfPlain) numbersFirst.ShouldBeGreaterThan(count / 10);
        // LibreOffice's text of a Word report: every one read by counting its lines, cells and blanks.
        if (layout == Layouts.TextLibreOffice) paragraphCells.ShouldBe(count);
        if (layout == Layouts.TextPdfplumber) numbersAbove.ShouldBeGreaterThan(count / 3);
    }
}
