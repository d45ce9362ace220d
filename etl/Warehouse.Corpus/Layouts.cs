namespace Warehouse.Corpus;

/// <summary>The physical layouts reports are published in (domain.md, "Layouts met in practice").</summary>
public static class Layouts
{
    /// <summary>PDF/DOCX-extracted text, one row per line with tab-separated cells (seeds 000, 003).</summary>
    public const string TextTab = "text-tab";

    /// <summary>DOCX-extracted text, one cell per line behind a tab, rows between blank lines (seeds 001, 002, 004).</summary>
    public const string TextCell = "text-cell";

    /// <summary>A TRS-style portal article page in UTF-8: nested layout tables, rowspan/colspan, labels split by &lt;br&gt;.</summary>
    public const string HtmlTrs = "html-trs";

    /// <summary>A Hanweb-style portal article page in GBK (declared gb2312): paragraphs inside cells.</summary>
    public const string HtmlHanwebGbk = "html-hanweb-gbk";

    /// <summary>A Word attachment: merged cells (gridSpan, vMerge), a table split in two, a title in a text box.</summary>
    public const string Docx = "docx";

    /// <summary>
    /// The DOCX layout turned into PDF by LibreOffice; in one document in five, pages printed sideways (<see cref="SidewaysPages"/>);
    /// in about one in seven, from an office that types no zeros: every zero of every table a blank cell (<see cref="CorpusWriter.NoZerosTyped"/>);
    /// in one in five, the title in a text box printed in front of the body's first lines.
    /// </summary>
    public const string Pdf = "pdf";

    /// <summary>
    /// Text saved by a portal crawler (real/pingtan-2021.txt): a few header lines, then the whole body
    /// on one line, every table's cells run together ("640020470").
    /// </summary>
    public const string TextStream = "text-stream";

    /// <summary>
    /// The output of <c>pdftotext -layout</c> on a PDF made from a DOCX by LibreOffice: columns by
    /// spaces, labels wrapped above and below their numbers, page-number footers ("- 3 -") inside tables. Some are
    /// <c>-raw</c> text, and some pdftotext's other forms: words and their boxes (<c>-tsv</c>, <c>-bbox-layout</c>, and
    /// pdftohtml's <c>-xml</c>) or the laid-out text in a page (<c>-htmlmeta</c>), all in a .txt file (<see cref="Pdftotext.DrawForm"/>).
    /// </summary>
    public const string TextPdftotext = "text-pdftotext";

    /// <summary>Markdown as OCR and conversion tools write it: "#" headings, pipe tables, generic headers, bold markers.</summary>
    public const string Markdown = "markdown";

    /// <summary>
    /// A Word attachment as offices edit it: the whole document in a one-cell frame table, content-control
    /// prompts in empty cells, a row moved with Track Changes and corrected.
    /// </summary>
    public const string DocxEdited = "docx-edited";

    /// <summary>
    /// A text browser's dump of a portal page (<c>w3m -dump</c>, real/pingtan-2024-w3m.txt): tables drawn with
    /// box-drawing characters, cells padded with spaces, labels wrapped inside their cells; a quarter of them in ASCII
    /// (<c>w3m -dump -no-graph</c>, real/pingtan-2025-w3m-nograph.txt).
    /// </summary>
    public const string TextBoxDraw = "text-boxdraw";

    /// <summary>
    /// Text without layout (<c>pdftotext -raw</c>) of a browser's print of a portal page (real/pingtan-2024-chrome-raw.txt):
    /// each page ends with the time of printing and the page's title, the page's address and "1/8", then a form feed,
    /// wherever it falls, tables included; a row's cells on one line after its label.
    /// </summary>
    public const string TextBrowserPrint = "text-browser-print";

    /// <summary>
    /// What <c>pandoc -f html -t markdown</c> (or gfm) writes from a portal page (real/pingtan-2024-pandoc.md): fenced
    /// or raw divs, headings as spans with their style, table 二 a simple (or pipe) table, merged tables as HTML.
    /// </summary>
    public const string MarkdownPandoc = "markdown-pandoc";

    /// <summary>
    /// Text without layout (<c>pdftotext</c>, no <c>-layout</c>) of a PDF that WPS or Word made
    /// (real/hongze-2024-plain.txt): cells one per line, and in table 三 runs of rows column by column,
    /// their labels after their numbers; or, as a browser's print gives it (real/pingtan-2025-chrome-plain.txt),
    /// row by row with the first cell of rows whose label wraps between the label's lines.
    /// </summary>
    public const string TextPdfPlain = "text-pdf-plain";

    /// <summary>
    /// A portal page (html-trs or html-hanweb-gbk) printed to PDF by Chromium, as a reader saves it from
    /// the browser: empty cells as empty boxes, the page's &lt;title&gt; as the PDF's Title, tables cut by
    /// the page with no rule at the cut, in half of them the print's header and footer on every page, and in
/// three in ten the text overprinted (every glyph drawn three times a fraction of a point apart, as bold is made
/// by GDI print drivers); a quarter printed by wkhtmltopdf instead, and two in five of the rest by WeasyPrint.
    /// </summary>
    public const string PdfBrowser = "pdf-browser";

    /// <summary>
    /// A Word attachment whose tables are set to "no border", turned into PDF by LibreOffice: no rule tells where a
    /// cell ends, blank cells are nothing on the page, labels wrap in their narrow columns above and below their numbers.
    /// </summary>
    public const string PdfUnruled = "pdf-unruled";

    /// <summary>
    /// Markdown an OCR tool (MinerU) writes from a scanned or printed report: "# " headings, each table one line
    /// of bare HTML with rowspan/colspan, tables and paragraphs cut where a page ended, the seal as an image line.
    /// </summary>
    public const string MarkdownOcr = "markdown-ocr";

    /// <summary>
    /// What Python's html2text (<c>html2markdown</c>, behind many crawlers) writes from a portal page
    /// (real/pingtan-2019-html2markdown.md, pingtan-2024-html2markdown.md): tables without outer pipes, a cell's paragraphs between empty lines,
    /// a &lt;br&gt; inside a label a hard break like a row's end; the head's title dropped.
    /// </summary>
    public const string MarkdownHtml2Text = "markdown-html2text";

    /// <summary>
    /// A Word attachment saved as text by LibreOffice (<c>soffice --convert-to txt</c>, "Save as Text"), as indexing and
    /// conversion pipelines read DOCX: each table cell a line of its own with no tab, a blank cell an empty line, the
    /// merged first columns of a group's later rows empty lines between rows, a content control's prompt
    /// ("单击或点击此处输入文字。") as its text; the zeros of tables 二 and 三 left blank in half of them.
    /// </summary>
    public const string TextLibreOffice = "text-libreoffice";

    /// <summary>
    /// pdfplumber's <c>extract_text()</c> of a WPS or Word PDF (real hongze-2024-pdfplumber.txt): a row's label and
    /// numbers on one line a space apart, wrapped labels around their numbers, group labels midway down their rows, and
    /// after a group label, a row's numbers on the line above its label (<see cref="Rendering.PlumberTextRenderer"/>).
    /// </summary>
    public const string TextPdfplumber = "text-pdfplumber";

    /// <summary>
    /// Markdown an OCR tool writes with its tables in LaTeX (Mathpix Markdown, MinerU with StructEqTable): <c>\title{…}</c> and
    /// <c>\section*{…}</c> headings, tables as <c>tabular</c> with <c>\multirow</c>, <c>\multicolumn</c>, <c>\hline</c> and <c>\cline</c>,
    /// wrapped labels as nested tabulars or <c>\makecell</c>, numbers of the prose as <c>\( 2041 \)</c> now and then
    /// (<see cref="Rendering.MathpixMarkdownRenderer"/>).
    /// </summary>
    public const string MarkdownMathpix = "markdown-mathpix";

    /// <summary>
    /// The pdf layout's LibreOffice PDF made a scan made searchable (<see cref="SearchableScan"/>): each page a grey picture of
    /// the page, the page's own letters over it drawn invisibly as an OCR tool sets its text layer, no rule painted but the
    /// picture's. A perfect recognition: its expected values are the report's own.
    /// </summary>
    public const string PdfScanOcr = "pdf-scan-ocr";

    /// <summary>
    /// A Word attachment's text as DOCX libraries extract it (<see cref="Rendering.DocxRawTextRenderer"/>): mammoth's
    /// <c>extractRawText</c> (Node) or Python's docx2txt (LangChain's <c>Docx2txtLoader</c>), each paragraph, a table cell's
    /// too, followed by an empty line, an empty cell two; the DOCX is the text-libreoffice layout's (no text box, no tracked
    /// change; in some a frame table or content-control prompts; the zeros of tables 二 and 三 left blank in half of them).
    /// </summary>
    public const string TextDocxRaw = "text-docx-raw";

    public static IReadOnlyList<string> All { get; } = [TextTab, TextCell, HtmlTrs, HtmlHanwebGbk, Docx, Pdf, TextStream, TextPdftotext, Markdown, DocxEdited, TextBoxDraw, TextBrowserPrint, MarkdownPandoc, TextPdfPlain, PdfBrowser, PdfUnruled, MarkdownOcr, MarkdownHtml2Text, TextLibreOffice, TextPdfplumber, MarkdownMathpix, PdfScanOcr, TextDocxRaw];

    /// <summary>The layouts of the first corpus: their expected values are always the report's own.</summary>
    public static IReadOnlyList<string> Original { get; } = [TextTab, TextCell, HtmlTrs, HtmlHanwebGbk, Docx, Pdf];

    /// <summary>The original layouts but PDF: rendered in memory, expected values the report's own (no LibreOffice).</summary>
    public static IReadOnlyList<string> WithoutPdf { get; } = [TextTab, TextCell, HtmlTrs, HtmlHanwebGbk, Docx];

    /// <summary>Layouts made through LibreOffice (a PDF from the rendered DOCX).</summary>
    public static bool NeedsPdf(string layout) => layout is Pdf or TextPdftotext or PdfUnruled or PdfScanOcr;

    /// <summary>Layouts saved as text by LibreOffice from the rendered DOCX.</summary>
    public static bool NeedsOfficeText(string layout) => layout is TextLibreOffice;

    /// <summary>Layouts printed by a browser (a PDF of the rendered portal page).</summary>
    public static bool NeedsBrowser(string layout) => layout is PdfBrowser;

    public static string Extension(string layout) => layout switch
    {
        TextTab or TextCell or TextStream or TextPdftotext or TextBoxDraw or TextBrowserPrint or TextPdfPlain or TextLibreOffice or TextPdfplumber or TextDocxRaw => "txt",
        HtmlTrs or HtmlHanwebGbk => "html",
        Docx or DocxEdited => "docx",
        Pdf or PdfBrowser or PdfUnruled or PdfScanOcr => "pdf",
        Markdown or MarkdownPandoc or MarkdownOcr or MarkdownHtml2Text or MarkdownMathpix => "md",
        _ => throw new ArgumentException($"Unknown layout '{layout}'.", nameof(layout)),
    };
}
