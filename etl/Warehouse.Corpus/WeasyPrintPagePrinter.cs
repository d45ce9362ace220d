namespace Warehouse.Corpus;

/// <summary>
/// Prints portal pages with WeasyPrint (<c>weasyprint -p</c>: Python crawlers' printer, with the page's presentational
/// hints so that <c>border="1"</c> draws its rules), one process a page, A4 or Letter by a user style sheet. WeasyPrint
/// sets each cell's lines on the page where they fit: a row's one-line numbers stay at the foot of a page while its label
/// of two lines goes whole to the next, over blank cells. It prints no header or footer and draws no text-shadow, so
/// <see cref="PagePrint.HeaderFooter"/> and <see cref="PagePrint.Overprint"/> change nothing here. WeasyPrint 57 fails on
/// some pages (an IndexError in its line breaking); those go to <paramref name="fallback"/> (Chromium), as a crawler
/// would fall back. Two in five of the <c>pdf-browser</c> pages that wkhtmltopdf does not print are printed so
/// (<see cref="PagePrint.WeasyPrint"/>).
/// </summary>
/// <param name="fallback">Prints the pages WeasyPrint could not.</param>
/// <param name="timeoutPerPage">How long a page may take to print (2 min when null).</param>
/// <param name="executable">The program to run; <see cref="Find"/> when null.</param>
/// <exception cref="PagePrintException">WeasyPrint did not start or timed out, or the fallback failed.</exception>
public sealed class WeasyPrintPagePrinter(IPagePrinter fallback, TimeSpan? timeoutPerPage = null, string? executable = null) : IPagePrinter
{
    public const string InstallHint = "the pdf-browser layout prints some of its pages with WeasyPrint: apt-get install weasyprint fonts-noto-cjk";

    /// <summary>The weasyprint executable on PATH, or null.</summary>
    public static string? Find() => ExecutableOnPath.Find("weasyprint");

    public async Task PrintAsync(IReadOnlyList<PagePrint> pages, IProgress<int>? printed, CancellationToken ct)
    {
        if (pages.Count == 0) return;
        var program = executable ?? Find() ?? throw new InvalidOperationException(InstallHint);
        var done = 0;
        var failed = new List<PagePrint>();
        foreach (var print in pages)
        {
            ct.ThrowIfCancellationRequested();
            var temp = print.Pdf + ".partial.pdf";
            var style = print.Pdf + ".page.css";
            await File.WriteAllTextAsync(style, $"@page {{ size: {(print.Letter ? "letter" : "A4")}; }}", ct);
            try
            {
                var (code, _) = await PrintProcess.RunAsync("WeasyPrint", program, ["-q", "-p", "-s", style, print.Html, temp], timeoutPerPage ?? TimeSpan.FromMinutes(2), ct);
                if (code == 0 && File.Exists(temp) && new FileInfo(temp).Length > 0) File.Move(temp, print.Pdf, overwrite: true);
                else failed.Add(print);
            }
            finally
            {
                File.Delete(style);
                File.Delete(temp);
            }

            printed?.Report(++done);
        }

        await fallback.PrintAsync(failed, null, ct);
    }
}
