using Warehouse.Core.Regions;
using Warehouse.Parsing.Docx;
using Warehouse.Parsing.Extraction;
using Warehouse.Parsing.Html;
using Warehouse.Parsing.Pdf;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing;

/// <summary>
/// The one entry point: bytes in, a report with findings (or a rejection) out. Pure: no
/// file, network, clock or logger. The layout is chosen by content, not by file name.
/// </summary>
public sealed class ReportParser(RegionResolver regions)
{
    public static ReportParser Default { get; } = new(RegionResolver.Default);

    /// <summary>Sniffs what the bytes are (<see cref="DocumentSniffer"/>), then reads them as <see cref="Parse(ReadOnlyMemory{byte}, DocumentKind, ParseOptions)"/> does.</summary>
    public ParseResult Parse(ReadOnlyMemory<byte> bytes, ParseOptions options) =>
        bytes.Length > options.MaxBytes ? TooLarge(bytes, options) : Parse(bytes, DocumentSniffer.Sniff(bytes), options);

    /// <summary>
    /// Reads bytes whose kind the caller has sniffed already, so that a document on its way in is
    /// sniffed once (docs/crawler.md, "Intake"). <paramref name="kind"/> must be
    /// <see cref="DocumentSniffer.Sniff"/> of these very bytes: it decides the reader, and a wrong one
    /// reads the document as what it is not (then rejected as damaged).
    /// </summary>
    /// <returns>The report with its findings, or a rejection saying why, Chinese first; never throws for bad input.</returns>
    public ParseResult Parse(ReadOnlyMemory<byte> bytes, DocumentKind kind, ParseOptions options)
    {
        if (bytes.Length > options.MaxBytes) return TooLarge(bytes, options);
        var charset = options.DeclaredCharset;
        try
        {
            return kind switch
            {
                DocumentKind.Empty => ParseResult.Reject(bytes.Span.IndexOf((byte)0x0C) >= 0
                    ? "文本只有分页符，没有文字：抽取自没有文字层的 PDF（扫描件或把文字转成了图形），需用原件做文字识别 (the text holds page breaks and no words: it was extracted from a PDF without a text layer; OCR the original)"
                    : "文件是空的 (the file is empty)"),
                DocumentKind.Text => TextReport(Readable(bytes.Span, charset, lookForMeta: false), options),
                DocumentKind.Html => PageReport(Readable(bytes.Span, charset, lookForMeta: true), options),
                DocumentKind.Mhtml => WebArchive.Page(bytes) is { } page
                    ? Extract(HtmlLayout.Read(Readable(page.Html, page.Charset ?? charset, lookForMeta: true)), options, gridExact: true)
                    : ParseResult.Reject("网页存档（MHTML）中没有网页 (a web archive (MHTML) without an HTML page)"),
                DocumentKind.Docx => Extract(DocxLayout.Read(bytes, options.MaxInflatedBytes), options, gridExact: true),
                DocumentKind.Pdf => Extract(PdfLayout.Read(bytes), options, gridExact: false),
                DocumentKind.OtherZip => ParseResult.Reject(OtherZip(bytes)),
                DocumentKind.EncryptedOffice => ParseResult.Reject("加密的 Office 文档，没有密码无法读取 (a password-protected Office document; it cannot be read without its password)"),
                DocumentKind.LegacyOffice when DocumentSniffer.IsLegacyWorkbook(bytes.Span) => ParseResult.Reject("Excel 工作簿（XLS），不是报告文档；年度报告以 Word、PDF 或网页发布 (an Excel workbook (XLS), not a report document)"),
                DocumentKind.LegacyOffice => ParseResult.Reject("旧版 Word 或 WPS 文档（.doc/.wps），需先转换为 DOCX：请安装 LibreOffice (a legacy Word or WPS document (.doc/.wps); it must be converted to DOCX first (install LibreOffice: apt-get install libreoffice-writer))"),
                _ => ParseResult.Reject("二进制数据，不是文本、HTML、DOCX 或 PDF 文档 (binary data that is not a text, HTML, DOCX or PDF document)"),
            };
        }
        catch (DocumentException e)
        {
            return ParseResult.Reject(e.Message, kind.ToString().ToLowerInvariant());
        }
    }

    /// <summary>
    /// The document as the extractor sees it (paragraphs and table rows in reading order), for
    /// diagnosing a misread; null with the reason when the bytes are not a readable document.
    /// </summary>
    public static (Documents.ReportDocument? Document, string? Why) ReadDocument(ReadOnlyMemory<byte> bytes, ParseOptions options)
    {
        var kind = DocumentSniffer.Sniff(bytes);
        try
        {
            return kind switch
            {
                DocumentKind.Text => (PlainTextLayout.Read(Readable(bytes.Span, options.DeclaredCharset, lookForMeta: false) is var text && WordBoxes.FromWords(text) is { } laid ? laid : text), null),
                DocumentKind.Html when Readable(bytes.Span, options.DeclaredCharset, lookForMeta: true) is var page
                    && (HtmlLayout.PreformattedText(page) ?? WordBoxes.FromBoxes(page)) is { } text => (PlainTextLayout.Read(text), null),
                DocumentKind.Html => (HtmlLayout.Read(Readable(bytes.Span, options.DeclaredCharset, lookForMeta: true)), null),
                DocumentKind.Mhtml when WebArchive.Page(bytes) is { } page => (HtmlLayout.Read(Readable(page.Html, page.Charset ?? options.DeclaredCharset, lookForMeta: true)), null),
                DocumentKind.Docx => (DocxLayout.Read(bytes, options.MaxInflatedBytes), null),
                DocumentKind.Pdf => (PdfLayout.Read(bytes), null),
                _ => (null, kind.ToString()),
            };
        }
        catch (DocumentException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>
    /// A text or page as the readers take it, the same for parsing and for <see cref="ReadDocument"/>: decoded, without
    /// the characters no reader sees, its full-width digits ASCII, its radicals the characters they stand for.
    /// </summary>
    private static string Readable(ReadOnlySpan<byte> bytes, string? charset, bool lookForMeta) =>
        Restructure.Glyphs(Restructure.Digits(Restructure.Visible(TextDecoding.Decode(bytes, charset, lookForMeta))));

    private static ParseResult TooLarge(ReadOnlyMemory<byte> bytes, ParseOptions options) =>
        ParseResult.Reject($"文件大小 {Size(bytes.Length)}，超过上限 {Size(options.MaxBytes)} (the file is {Size(bytes.Length)}, over the size limit of {Size(options.MaxBytes)})");

    // A text or page that is no report and is JSON (a portal's API answer, a crawler's saved metadata) is said to be
    // that: its braces and quotes would otherwise read as the one-byte glyphs of a garbled PDF print, and its escaped
    // Chinese ("\u5e74") as a lost encoding. An answer that carries a report's text in a string is a format not read.
    private static ParseResult WithJsonReason(ParseResult result, string text) => result.Rejection is null ? result : JsonHolds(text) switch
    {
        true => ParseResult.Reject("JSON 数据，内含报告正文（如网站接口返回的文章），此格式暂不支持：请保存该文章的网页或附件后再读 (JSON data holding a report's text, as a portal's API answers; this format is not supported: save the article's page or its attachment)", result.Layout),
        false => ParseResult.Reject("JSON 数据，不是报告文档（如网站接口的返回或爬虫保存的元数据）(JSON data, not a report document: an API's answer or a crawler's metadata)", result.Layout),
        null => result,
    };

    // Words and their boxes (pdftotext -tsv, Tesseract's tsv, pdftohtml -xml) are read as the text they lay out.
    private ParseResult TextReport(string text, ParseOptions options) => WordBoxes.FromWords(text) is { } laid
        ? Extract(PlainTextLayout.Read(laid), options, gridExact: false)
        : WithJsonReason(Extract(PlainTextLayout.Read(text), options, gridExact: false), text);

    // A page of preformatted text (pdftotext -htmlmeta), or of words and their boxes (pdftotext -bbox), is read as the
    // text it holds or lays out.
    private ParseResult PageReport(string html, ParseOptions options) => (HtmlLayout.PreformattedText(html) ?? WordBoxes.FromBoxes(html)) is { } text
        ? TextReport(text, options)
        : WithJsonReason(Extract(HtmlLayout.Read(html), options, gridExact: true), html);

    /// <summary>Null when the text is no JSON; else whether one of its strings names the government information disclosure.</summary>
    private static bool? JsonHolds(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length < 2 || !(trimmed[0] == '{' && trimmed[^1] == '}' || trimmed[0] == '[' && trimmed[^1] == ']')) return null;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text);
            return Holds(json.RootElement);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        static bool Holds(System.Text.Json.JsonElement e) => e.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => e.GetString()!.Contains("政府信息公开", StringComparison.Ordinal),
            System.Text.Json.JsonValueKind.Object => e.EnumerateObject().Any(p => Holds(p.Value)),
            System.Text.Json.JsonValueKind.Array => e.EnumerateArray().Any(Holds),
            _ => false,
        };
    }

    private ParseResult Extract(Documents.ReportDocument document, ParseOptions options, bool gridExact)
    {
        var result = ReportExtractor.Extract(document, options, regions, gridExact);
        // A scan's OCR layer that reads as no report: the recognition may be why, which the reason says.
        return document.OcrTextLayer && result.Rejection is { } why
            ? ParseResult.Reject($"{why}；另：本 PDF 是扫描件，读到的文字是 OCR 识别后加上的隐形文字层，识别的错误可能就是原因，请看原图 (the PDF is a scan made searchable: its text is an OCR layer, whose misrecognitions may be the cause)", result.Layout)
            : result;
    }

    // A ZIP that is not a Word document: say what it is when it is another Office format.
    private static string OtherZip(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (span.IndexOf("xl/workbook"u8) >= 0) return "Excel 工作簿（XLSX），不是报告文档；年度报告以 Word、PDF 或网页发布 (an Excel workbook (XLSX), not a report document)";
        if (span.IndexOf("ppt/presentation"u8) >= 0) return "PowerPoint 演示文稿（PPTX），不是报告文档 (a PowerPoint presentation (PPTX), not a report document)";
        if (DocumentSniffer.IsOpenDocumentText(span)) return "OpenDocument 文本（.odt），需先转换为 DOCX：请安装 LibreOffice (an OpenDocument text (.odt); it must be converted to DOCX first (install LibreOffice: apt-get install libreoffice-writer))";
        if (span.IndexOf("OFD.xml"u8) >= 0) return "OFD 版式文档，暂不支持，请转换为 PDF 后再读 (an OFD document, which is not supported; convert it to PDF)";
        if (span.IndexOf("Contents/content.xml"u8) >= 0 || span.IndexOf("content.xml"u8) >= 0) return "OpenDocument 或 OFD 文档，暂不支持，请转换为 DOCX 或 PDF (an OpenDocument/OFD file, which is not supported; convert it to DOCX or PDF)";
        return "ZIP 压缩包，不是 Word（DOCX）文档 (a ZIP archive that is not a Word (DOCX) document)";
    }

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";
}
