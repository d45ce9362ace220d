using System.Net;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Warehouse.Corpus;

/// <summary>
/// Prints portal pages with headless Chromium (Debian's <c>chromium</c>) through PuppeteerSharp: one
/// browser for the batch, a tab per page, the margins, header and footer of Chrome's own print
/// dialog ("Headers and footers" on: the time and title above, the address and "1/3" below).
/// </summary>
/// <param name="timeoutPerPage">How long the browser may take to start, and each page to print (1 min when null).</param>
/// <param name="executable">The browser to run; <see cref="Find"/> when null.</param>
/// <exception cref="PagePrintException">The browser did not start, or failed on a page.</exception>
public sealed class ChromiumPagePrinter(TimeSpan? timeoutPerPage = null, string? executable = null) : IPagePrinter
{
    public const string InstallHint = "the pdf-browser layout prints portal pages with Chromium: apt-get install chromium fonts-noto-cjk";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The browser's executable: <c>CHROMIUM</c> when set, else the first installed of Debian's and Google's names; null when none.</summary>
    public static string? Find() =>
        Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } set && File.Exists(set) ? set : Candidates.FirstOrDefault(File.Exists);

    public async Task PrintAsync(IReadOnlyList<PagePrint> pages, IProgress<int>? printed, CancellationToken ct)
    {
        if (pages.Count == 0) return;
        var browserPath = executable ?? Find() ?? throw new InvalidOperationException(InstallHint);
        var timeout = (int)(timeoutPerPage ?? TimeSpan.FromMinutes(1)).TotalMilliseconds;
        IBrowser browser;
        try
        {
            browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                Headless = true,
                ExecutablePath = browserPath,
                // Root has no sandbox; a container has no GPU.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                Timeout = timeout,
            });
        }
        catch (Exception e) when (e is PuppeteerException or ProcessException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
        {
            throw new PagePrintException($"Chromium（{browserPath}）未能启动（{e.Message.Trim()}），网页没有打印成 PDF。Chromium at {browserPath} did not start, so no page was printed.", e);
        }

        await using (browser)
        {
            var done = 0;
            foreach (var print in pages)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    await using var tab = await browser.NewPageAsync();
                    tab.DefaultTimeout = timeout;
                    await tab.GoToAsync(new Uri(Path.GetFullPath(print.Html)).AbsoluteUri, WaitUntilNavigation.Load);
                    if (print.Overprint) await tab.AddStyleTagAsync(new AddTagOptions { Content = PagePrint.OverprintStyle });
                    var temp = print.Pdf + ".partial";
                    await tab.PdfAsync(temp, Options(print));
                    File.Move(temp, print.Pdf, overwrite: true);
                }
                catch (Exception e) when (e is PuppeteerException or ProcessException or TimeoutException)
                {
                    throw new PagePrintException($"Chromium 打印网页 {Path.GetFileName(print.Html)} 时失败（{e.Message.Trim()}），此前已打印 {done} 页。Chromium failed printing {print.Html} after {done} pages.", e);
                }

                printed?.Report(++done);
            }
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

/// <summary>Chromium did not start, or failed on a page: the message names the browser or the page, Chinese first.</summary>
public sealed class PagePrintException(string message, Exception inner) : Warehouse.Core.UserFacingException(message, inner);
