using System.Globalization;

namespace Warehouse.Corpus;

/// <summary>
/// How a browser prints one portal page of the <c>pdf-browser</c> layout (real/pingtan-2024-chrome-*.txt
/// are such prints): with or without the print's header (time of printing, page title) and footer (the
/// page's address, "2/3"), on A4 or Letter, and in some the text overprinted.
/// </summary>
/// <param name="Html">The page to print (a file).</param>
/// <param name="Pdf">Where the PDF goes.</param>
/// <param name="HeaderFooter">Whether the print carries the browser's header and footer.</param>
/// <param name="PrintedAt">The time of printing as the header writes it ("1/7/22, 3:05 PM", "2022/1/7 15:05").</param>
/// <param name="Address">The page's address as the footer writes it.</param>
/// <param name="Letter">Letter paper (612 × 792 pt) rather than A4.</param>
/// <param name="Overprint">
/// Every glyph drawn three times a third of a pixel apart (a CSS text-shadow), as GDI print drivers make
/// bold and some portals style their text: the PDF holds each letter two or three times over.
/// </param>
/// <param name="Wkhtmltopdf">
/// Printed by wkhtmltopdf (<see cref="WkhtmltopdfPagePrinter"/>), which lets a page break cut a table row, rather than
/// by Chromium.
/// </param>
/// <param name="WeasyPrint">
/// Printed by WeasyPrint (<see cref="WeasyPrintPagePrinter"/>), which sets a row's one-line numbers at the foot of a page
/// and its two-line label on the next, rather than by Chromium (which prints the pages WeasyPrint fails on).
/// </param>
public sealed record PagePrint(string Html, string Pdf, bool HeaderFooter, string PrintedAt, string Address, bool Letter, bool Overprint = false, bool Wkhtmltopdf = false, bool WeasyPrint = false)
{
    public const double HeaderFooterRate = 0.5;
    public const double LetterRate = 0.3;
    public const double OverprintRate = 0.3;
    public const double WkhtmltopdfRate = 0.25;

    /// <summary>The share of the pages wkhtmltopdf does not print that WeasyPrint prints.</summary>
    public const double WeasyPrintRate = 0.4;

    /// <summary>The style that overprints a page's text (<see cref="Overprint"/>).</summary>
    public const string OverprintStyle = "body, body * { text-shadow: 0.35px 0 0 currentColor, 0 0.35px 0 currentColor !important; }";

    /// <summary>The print of one report, drawn from its <see cref="GeneratedReport.QuirkSeed"/>: the same report always prints the same way.</summary>
    public static PagePrint Draw(GeneratedReport g, string html, string pdf)
    {
        var rng = new Random(unchecked(g.QuirkSeed * 7919 + 0x2b));
        var year = g.Report.Year + 1;
        var printed = new DateTime(year, 1, 1, 8, 0, 0, DateTimeKind.Unspecified).AddMinutes(rng.Next(365 * 24 * 60));
        var time = rng.Next(2) == 0
            ? printed.ToString("M/d/yy, h:mm tt", CultureInfo.InvariantCulture)
            : printed.ToString("yyyy/M/d HH:mm", CultureInfo.InvariantCulture);
        var address = $"https://www.example{rng.Next(100)}.gov.cn/zwgk/zfxxgkzl/ndbg/{year}{1 + rng.Next(12):00}/t{year}0{1 + rng.Next(9)}{10 + rng.Next(18)}_{100000 + rng.Next(900000)}.html";
        var headerFooter = rng.NextDouble() < HeaderFooterRate;
        var letter = rng.NextDouble() < LetterRate;
        var overprint = rng.NextDouble() < OverprintRate;
        var wkhtmltopdf = rng.NextDouble() < WkhtmltopdfRate;
        // Drawn last, so that the draws before it stay those of the prints made before WeasyPrint printed any.
        var weasyPrint = rng.NextDouble() < WeasyPrintRate && !wkhtmltopdf;
        return new PagePrint(html, pdf, headerFooter, time, address, letter, overprint, wkhtmltopdf, weasyPrint);
    }
}

/// <summary>Prints portal pages to PDF as a browser does.</summary>
public interface IPagePrinter
{
    /// <summary>Writes each page's PDF, reporting to <paramref name="printed"/> how many are done; throws when a page could not be printed.</summary>
    Task PrintAsync(IReadOnlyList<PagePrint> pages, IProgress<int>? printed, CancellationToken ct);
}
