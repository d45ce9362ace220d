using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;

namespace Warehouse.Corpus.Tests;

/// <summary>Generated reports rendered once per test run, and the plain text of each rendering.</summary>
internal static class Rendered
{
    public const int Seed = 31;

    public const int PerLayout = 40;

    private static readonly System.Text.RegularExpressions.Regex PageFoot = new(@"^-\d+-$");

    private static readonly System.Text.RegularExpressions.Regex SpacedPageFoot = new(@"^- \d+ -$");

    // A line break where html2text wrapped a line at a space: not after a hard break ("  ") nor around an empty line.
    private static readonly System.Text.RegularExpressions.Regex WrappedAtSpace = new(@"(?<!  )(?<=\S)\n(?=\S)");

    private static readonly System.Text.RegularExpressions.Regex PrintFurniture = new(@"^(\d{1,4}/\d{1,2}/\d{1,4},? \d{1,2}:\d\d|(https?|file):// ?\S+ \d+/\d+$)");
    private static readonly System.Text.RegularExpressions.Regex MathpixMarkup = new(@"\\(?:sub)?section\*\{|\\title\{\n?|\n?\}(?=\n)| ?\\\( (?<c>\d+) \\\) ?|\\(?<c>[%&_#$])");

    private static readonly System.Text.RegularExpressions.Regex InlineFormula = new(@" ?\$(\d(?: \d)*)\$ ?");

    public static IEnumerable<(GeneratedReport Generated, byte[] Bytes)> In(string layout) =>
        Of(layout).Select(x => (x.Generated, x.Rendition.Bytes));

    /// <summary>Each report with its rendition: the bytes, the expected values and findings, the quirks drawn.</summary>
    public static IEnumerable<(GeneratedReport Generated, Rendition Rendition)> Of(string layout, int count = PerLayout, int seed = Seed) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var g = ReportFactory.Create(seed, i, 0.15);
            return (g, CorpusWriter.Produce(g, layout));
        });

    /// <summary>
    /// A crawler's text as it reads: UTF-8, or, when it holds no Chinese, the text that a crawler
    /// saved decoded twice (read as ISO-8859-1, written as UTF-8), given its bytes back.
    /// </summary>
    public static string StreamText(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Any(c => c is >= '\u4E00' and <= '\u9FFF') ? text : Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(text));
    }

    /// <summary>The text a reader sees, lines joined (a page break may fall inside a sentence).</summary>
    public static string PlainText(string layout, byte[] bytes)
    {
        layout = Page(layout, bytes);
        var text = layout switch
        {
            // One crawler text in ten is typed full-width ("２０２２年"): a reader reads its digits as digits.
            Layouts.TextStream => new string(StreamText(bytes).Select(c => c is >= '０' and <= '９' ? (char)(c - 0xFEE0) : c).ToArray()),
            Layouts.TextTab or Layouts.TextCell or Layouts.Markdown or Layouts.TextBoxDraw or Layouts.MarkdownPandoc or Layouts.TextDocxRaw => Encoding.UTF8.GetString(bytes),
            // html2text wraps prose at 78 characters where it has a space ("公开信息 408" / "条"): the reader reads the space.
            Layouts.MarkdownHtml2Text => WrappedAtSpace.Replace(Encoding.UTF8.GetString(bytes), " "),
            // An OCR tool sets some numbers of the prose as formulas, a space around ("申请 $1 5$ 件"): a reader reads the number ("申请15件").
            Layouts.MarkdownOcr => InlineFormula.Replace(Encoding.UTF8.GetString(bytes), m => m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal)),
            // LaTeX markdown: a heading's command and braces, an inline formula's delimiters and an escaped character are no text.
            Layouts.MarkdownMathpix => MathpixMarkup.Replace(Encoding.UTF8.GetString(bytes), m => m.Groups["c"].Value),
            // A page's print header and footer may fall inside a sentence: the reader skips them.
            Layouts.TextBrowserPrint => string.Join('\n', Encoding.UTF8.GetString(bytes).Replace("\f", "", StringComparison.Ordinal).Split('\n').Where(l => !PrintFurniture.IsMatch(l))),
            // "-3-" at the foot of each page may fall inside a paragraph: the reader skips it.
            Layouts.TextPdfPlain => string.Join('\n', Encoding.UTF8.GetString(bytes).Replace("\f", "", StringComparison.Ordinal).Split('\n').Where(l => !PageFoot.IsMatch(l))),
            // pdfplumber's "- 3 -" at the foot of each page may fall inside a paragraph: the reader skips it.
            Layouts.TextPdfplumber => string.Join('\n', Encoding.UTF8.GetString(bytes).Split('\n').Where(l => !SpacedPageFoot.IsMatch(l))),
            Layouts.HtmlTrs => new HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes)).Body!.TextContent,
            Layouts.HtmlHanwebGbk => new HtmlParser().ParseDocument(Tables.Gbk.GetString(bytes)).Body!.TextContent,
            _ => DocxText(bytes),
        };
        return text.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
    }

    /// <summary>The head and body of a page: a title may be only in &lt;title&gt; and its ArticleTitle meta.</summary>
    public static string PageText(string layout, byte[] bytes) => Page(layout, bytes) switch
    {
        Layouts.HtmlTrs => new HtmlParser().ParseDocument(Encoding.UTF8.GetString(bytes)).Title + PlainText(layout, bytes),
        Layouts.HtmlHanwebGbk => new HtmlParser().ParseDocument(Tables.Gbk.GetString(bytes)).Title + PlainText(layout, bytes),
        _ => PlainText(layout, bytes),
    };

    /// <summary>The portal family whose page a pdf-browser rendition prints (its bytes are the page): TRS pages are UTF-8, Hanweb's GBK.</summary>
    public static string Page(string layout, byte[] bytes) => layout != Layouts.PdfBrowser ? layout
        : Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 200)).Contains("charset=\"utf-8\"", StringComparison.Ordinal) ? Layouts.HtmlTrs : Layouts.HtmlHanwebGbk;

    private static string DocxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }
}
