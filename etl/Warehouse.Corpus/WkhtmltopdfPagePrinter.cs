namespace Warehouse.Corpus;

/// <summary>
/// Prints portal pages with wkhtmltopdf (Qt WebKit; Python's pdfkit and many crawlers print pages so), one process a
/// page: A4 or Letter, the overprinting style as a user style sheet. Debian's build (unpatched Qt) prints no header
/// or footer, so <see cref="PagePrint.HeaderFooter"/> changes nothing here. Unlike Chromium it lets a page break cut a table row: the
/// start of a label at the foot of a page, its end (with the row's numbers, centred on the row, or beside a merged
/// group's label) at the head of the next. A quarter of the <c>pdf-browser</c> pages are printed so
/// (<see cref="PagePrint.Wkhtmltopdf"/>).
/// </summary>
/// <param name="timeoutPerPage">How long a page may take to print (1 min when null).</param>
/// <param name="executable">The program to run; <see cref="Find"/> when null.</param>
/// <exception cref="PagePrintException">wkhtmltopdf did not start, or made no PDF of a page.</exception>
public sealed class WkhtmltopdfPagePrinter(TimeSpan? timeoutPerPage = null, string? executable = null) : IPagePrinter
{
    public const string InstallHint = "the pdf-browser layout prints a quarter of its pages with wkhtmltopdf: apt-get install wkhtmltopdf fonts-noto-cjk";

    /// <summary>The wkhtmltopdf executable on PATH, or null.</summary>
    public static string? Find() => ExecutableOnPath.Find("wkhtmltopdf");

    public async Task PrintAsync(IReadOnlyList<PagePrint> pages, IProgress<int>? printed, CancellationToken ct)
    {
        if (pages.Count == 0) return;
        var program = executable ?? Find() ?? throw new InvalidOperationException(InstallHint);
        var done = 0;
        foreach (var print in pages)
        {
            ct.ThrowIfCancellationRequested();
            var temp = print.Pdf + ".partial.pdf";
            var style = print.Pdf + ".overprint.css";
            if (print.Overprint) await File.WriteAllTextAsync(style, PagePrint.OverprintStyle, ct);
            try
            {
                var (code, stderr) = await RunAsync(program, Arguments(print, temp, style), ct);
                // It exits with 1 when a resource of the page (a stylesheet, an image on the portal) cannot be
                // loaded, and prints the page all the same: only a missing PDF is a failure.
                if (!File.Exists(temp) || new FileInfo(temp).Length == 0)
                {
                    throw new PagePrintException($"wkhtmltopdf 打印网页 {Path.GetFileName(print.Html)} 时失败（退出码 {code}：{stderr.Trim()}），此前已打印 {done} 页。wkhtmltopdf failed printing {print.Html} (exit {code}) after {done} pages.", new IOException(stderr));
                }

                File.Move(temp, print.Pdf, overwrite: true);
            }
            finally
            {
                File.Delete(style);
                File.Delete(temp);
            }

            printed?.Report(++done);
        }
    }

    private static List<string> Arguments(PagePrint print, string output, string style)
    {
        // No --encoding: the page's own <meta charset> (UTF-8 for TRS, GBK for Hanweb) decides.
        var args = new List<string> { "-q", "--disable-javascript", "-s", print.Letter ? "Letter" : "A4" };
        if (print.Overprint) args.AddRange(["--user-style-sheet", style]);
        args.AddRange([print.Html, output]);
        return args;
    }

    private Task<(int Code, string Stderr)> RunAsync(string program, List<string> args, CancellationToken ct) =>
        PrintProcess.RunAsync("wkhtmltopdf", program, args, timeoutPerPage ?? TimeSpan.FromMinutes(1), ct);
}
