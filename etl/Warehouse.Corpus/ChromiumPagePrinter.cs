using System.Net;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Warehouse.Corpus;

/// <summary>
/// Prints portal pages with headless Chromium (Debian's <c>chromium</c>) through PuppeteerSharp: one
/// browser for the batch, a tab per page, the margins, header and footer of Chrome's own print
/// dialog ("Headers and footers" on: the time and title above, the address and "1/3" below).
/// </summary>
public sealed class ChromiumPagePrinter(TimeSpan? timeoutPerPage = null) : IPagePrinter
{
    public const string InstallHint = "the pdf-browser layout prints portal pages with Chromium: apt-get install chromium fonts-noto-cjk";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The browser's executable: <c>CHROMIUM</c> when set, else the first installed of Debian's and Google's names; null when none.</summary>
    public static string? Find() =>
        Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } set && File.Exists(set) ? set : Candidates.FirstOrDefault(File.Exists);

    public async Task PrintAsync(IReadOnlyList<PagePrint> pages, IProgress<int>? printed, CancellationToken ct)
    {
        if (pages.Count == 0) return;
        var executable = Find() ?? throw new InvalidOperationException(InstallHint);
        var timeout = (int)(timeoutPerPage ?? TimeSpan.FromMinutes(1)).TotalMilliseconds;
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = executable,
            // Root has no sandbox; a container has no GPU.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = timeout,
        });
        var done = 0;
        foreach (var print in pages)
        {
            ct.ThrowIfCancellationRequested();
            await using var tab = await browser.NewPageAsync();
            tab.DefaultTimeout = timeout;
            await tab.GoToAsync(new Uri(Path.GetFullPath(print.Html)).AbsoluteUri, WaitUntilNavigation.Load);
            var temp = print.Pdf + ".partial";
            await tab.PdfAsync(temp, Options(print));
            File.Move(temp, print.Pdf, overwrite: true);
            printed?.Report(++done);
        }
    }

    // Chrome's print dialog: margins of 0.4 in, header and footer in 8 pt type at the page's edge.
    private static PdfOptions Options(PagePrint print) => new()
    {
        Format = print.Letter ? PaperFormat.Letter : PaperFormat.A4,
        MarginOptions = new MarginOptions { Top = "0.4in", Bottom = "0.4in", Left = "0.4in", Right = "0.4in" },
        DisplayHeaderFooter = print.HeaderFooter,
        HeaderTemplate = Line(WebUtility.HtmlEncode(print.PrintedAt), "<span class=\"title\"></span>"),
        FooterTemplate = Line(WebUtility.HtmlEncode(print.Address), "<span class=\"pageNumber\"></span>/<span class=\"totalPages\"></span>"),
    };

    private static string Line(string left, string right) =>
        "<div style=\"font-size:8px;width:100%;display:flex;justify-content:space-between;margin:0 0.4in;font-family:sans-serif\">" +
        $"<span>{left}</span><span>{right}</span></div>";
}
