using System.Diagnostics.Metrics;
using System.IO.Compression;
using System.Text;

namespace Warehouse.Parsing;

/// <summary>Decides what a document is from its bytes, never from its name.</summary>
public static class DocumentSniffer
{
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Documents, templates and their macro-enabled kinds.
    private static readonly string[] WordMainTypes =
    [
        "wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml",
        "ms-word.document.macroEnabled.main+xml", "ms-word.template.macroEnabledTemplate.main+xml",
    ];

    /// <summary>The meter of this assembly's counters: <c>Warehouse.Parsing</c>.</summary>
    public const string MeterName = "Warehouse.Parsing";

    /// <summary>The counter of sniffs: one per call of <see cref="Sniff"/>, unit {document}, no tags.</summary>
    public const string SniffCounterName = "warehouse.parsing.sniffs";

    private static readonly Meter Meter = new(MeterName);

    // A DOCX sniff opens the ZIP: the counter shows a document sniffed more than once on its way (docs/crawler.md, "Intake").
    private static readonly Counter<long> Sniffs = Meter.CreateCounter<long>(SniffCounterName, "{document}", "Documents sniffed (each call of DocumentSniffer.Sniff)");

    /// <summary>What the bytes are, by their content alone; counted on <see cref="SniffCounterName"/>.</summary>
    public static DocumentKind Sniff(ReadOnlyMemory<byte> memory)
    {
        Sniffs.Add(1);
        var bytes = memory.Span;
        // Spaces, line ends and form feeds alone (pdftotext of a PDF without a text layer writes a form feed a page).
        if (bytes.IsEmpty || bytes.Trim((ReadOnlySpan<byte>)[0x20, 0x09, 0x0A, 0x0D, 0x0C]).IsEmpty) return DocumentKind.Empty;
        if (bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0) return DocumentKind.Pdf;
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return IsDocx(memory) ? DocumentKind.Docx : DocumentKind.OtherZip;
        if (bytes.StartsWith(Ole2))
        {
            // An encrypted OOXML file is an OLE2 container holding a stream named EncryptedPackage.
            return bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0 ? DocumentKind.EncryptedOffice : DocumentKind.LegacyOffice;
        }

        if (Html.WebArchive.IsWebArchive(bytes)) return DocumentKind.Mhtml;
        if (Text.TextDecoding.Utf16(bytes) is { } wide)
        {
            // Text saved as UTF-16, with or without its byte order mark: a page or text by what its characters say.
            var skip = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? 2 : 0;
            var utf8 = Encoding.UTF8.GetBytes(wide.GetString(bytes[skip..]));
            return LooksLikeHtml(utf8) && !IsTextWithHtmlTables(utf8) ? DocumentKind.Html : DocumentKind.Text;
        }

        if (LooksLikeHtml(bytes) && !IsTextWithHtmlTables(bytes)) return DocumentKind.Html;
        return LooksLikeText(bytes) ? DocumentKind.Text : DocumentKind.Binary;
    }

    /// <summary>
    /// True when a ZIP (<see cref="DocumentKind.OtherZip"/>) is an OpenDocument text (.odt, as LibreOffice and WPS
    /// save it): the package opens with its <c>mimetype</c> entry, stored, naming
    /// <c>application/vnd.oasis.opendocument.text</c> (ODF 1.2, part 3, §3.3). Not counted as a sniff.
    /// </summary>
    public static bool IsOpenDocumentText(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK"u8) && bytes[..Math.Min(bytes.Length, 200)].IndexOf("mimetypeapplication/vnd.oasis.opendocument.text"u8) >= 0;

    /// <summary>
    /// True when a legacy Office file (<see cref="DocumentKind.LegacyOffice"/>) is an Excel workbook
    /// (.xls): its OLE2 directory names a <c>Workbook</c> (or Excel 5's <c>Book</c>) stream and no
    /// <c>WordDocument</c>. Such a file is no report, and converting it as a Word file would fail.
    /// Not counted as a sniff.
    /// </summary>
    public static bool IsLegacyWorkbook(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Ole2) && bytes.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) < 0
        && (bytes.IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0 || bytes.IndexOf(Encoding.Unicode.GetBytes("Book\0")) >= 0);

    private static bool IsDocx(ReadOnlyMemory<byte> memory)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(memory.ToArray(), writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null) return true;

            // The main part may have another name; its content type is the same in Transitional and Strict.
            using var types = zip.GetEntry("[Content_Types].xml")?.Open();
            if (types is null) return false;
            using var reader = new StreamReader(types, Encoding.UTF8);
            var head = new char[64 * 1024]; // the entry may be a zip bomb: look at its head only
            var text = new string(head, 0, reader.ReadBlock(head, 0, head.Length));
            return WordMainTypes.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            // A truncated DOCX loses its central directory; the reader reports it as damaged.
            return memory.Span.IndexOf("word/"u8) >= 0;
        }
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var window = bytes[..Math.Min(bytes.Length, 2048)];
        if (window.IndexOf((byte)'<') < 0) return false;
        var head = Encoding.ASCII.GetString(window).ToLowerInvariant();
        return head.Contains("<html", StringComparison.Ordinal) || head.Contains("<!doctype html", StringComparison.Ordinal)
            || head.Contains("<table", StringComparison.Ordinal) || head.Contains("<body", StringComparison.Ordinal)
            || head.Contains("<meta", StringComparison.Ordinal) || head.Contains("<div", StringComparison.Ordinal);
    }

    /// <summary>
    /// True for text that holds HTML tables and no other markup before them: the markdown of OCR tools
    /// (MinerU writes each table as one line of <c>&lt;table&gt;&lt;tr&gt;&lt;td rowspan="3"&gt;…</c>
    /// between paragraphs of text, bare or as <c>&lt;html&gt;&lt;body&gt;&lt;table&gt;…&lt;/body&gt;&lt;/html&gt;</c>). Its line breaks end paragraphs, which a page's HTML would run together.
    /// </summary>
    private static bool IsTextWithHtmlTables(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        var start = bytes.IndexOfAnyExcept((ReadOnlySpan<byte>)[0x20, 0x09, 0x0A, 0x0D]);
        if (start < 0 || bytes[start] == (byte)'<') return false;
        var table = IndexOfTableTag(bytes);
        if (table < 0) return false;
        var before = bytes[..table];
        // MinerU wraps each table as a page of its own: "<html><body><table>…</table></body></html>".
        if (before.EndsWith("<html><body>"u8)) before = before[..^"<html><body>".Length];
        for (var i = 0; i + 1 < before.Length; i++)
        {
            if (before[i] == (byte)'<' && (char.IsAsciiLetter((char)before[i + 1]) || before[i + 1] is (byte)'/' or (byte)'!' or (byte)'?')) return false;
        }

        return before.IndexOf((byte)'\n') >= 0;
    }

    /// <summary>Where the first <c>&lt;table</c> (in any case) begins, or -1.</summary>
    private static int IndexOfTableTag(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i + 6 <= bytes.Length; i++)
        {
            if (bytes[i] == (byte)'<' && Ascii.EqualsIgnoreCase(bytes.Slice(i + 1, 5), "table"u8)) return i;
        }

        return -1;
    }

    // Control bytes other than tab, line feed, vertical tab (Word's manual line break in text taken from it), form feed and carriage return.
    private static readonly System.Buffers.SearchValues<byte> Control = System.Buffers.SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return true;
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        if (sample.IndexOfAny(Control) < 0) return true;
        if (sample.IndexOf((byte)0) >= 0) return false;
        var control = 0;
        foreach (var b in sample)
        {
            if (Control.Contains(b)) control++;
        }

        // pdftotext of a PDF whose fonts map to no Unicode writes glyph numbers below 32 among its
        // text (a few in every hundred bytes) but never a NUL, and keeps its page breaks: that is
        // garbled text, which the extractor names as such, not binary data.
        return control * 100 < sample.Length
            || (sample.IndexOf((byte)'\f') >= 0 && control * 5 < sample.Length);
    }
}
