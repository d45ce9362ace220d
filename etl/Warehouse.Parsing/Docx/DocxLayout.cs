using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Docx;

/// <summary>
/// Reads a DOCX attachment (Transitional or Strict Open XML) as Word shows it with tracked changes
/// accepted: body paragraphs, text boxes, tables, and parts imported with w:altChunk. A table that
/// lays out the page (a frame around the document, a row whose cells hold tables) is read as body
/// content; a data table gives its rows, a continued vMerge cell reading as empty. A table split
/// over pages is two tables in a row; the extractor reads rows by label, so it does not care.
/// </summary>
/// <remarks>
/// The Open XML SDK opens the package; the body is then read with a streaming XmlReader,
/// which is about ten times faster than the SDK's DOM on a report's tables. See README.md.
/// </remarks>
public static partial class DocxLayout
{
    public const string Layout = "docx";

    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true };

    public static ReportDocument Read(ReadOnlyMemory<byte> bytes, long maxInflatedBytes)
    {
        var buffer = bytes.ToArray();
        CheckInflatedSize(buffer, maxInflatedBytes);
        var chunks = new List<BodyNode.Chunk>();
        var blocks = ReadBody(buffer, maxInflatedBytes, depth: 0, chunks);

        // A chunk we cannot read is skipped when the report's tables were read elsewhere; when no
        // table was, the chunk holds the body, and reading on would call a report "not a report".
        if (chunks.FirstOrDefault(c => c.Unreadable is not null) is { } unreadable && !blocks.Any(b => b is TableRow))
        {
            throw new DocumentException(unreadable.Unreadable!);
        }

        return new ReportDocument(blocks, Layout, chunks.SelectMany(c => c.Titles ?? []).Distinct().ToList());
    }

    private static List<Block> ReadBody(byte[] buffer, long maxInflatedBytes, int depth, List<BodyNode.Chunk> chunks)
    {
        try
        {
            using var stream = new MemoryStream(buffer, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var part = doc.MainDocumentPart ?? throw new DocumentException("DOCX 中没有正文部件 (a DOCX without a main document part)");
            var styles = PlaceholderStyles(part);
            using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), XmlSettings);
            var reader = new BodyReader(xml, styles, id =>
            {
                var chunk = ReadChunk(part, id, maxInflatedBytes, depth, chunks);
                chunks.Add(chunk);
                return chunk;
            });
            return BodyBlocks.From(reader.Read());
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or XmlException or InvalidOperationException)
        {
            throw new DocumentException($"DOCX 文件已损坏，无法读取 (a damaged DOCX ({e.Message.TrimEnd('.')}))", e);
        }
    }

    /// <summary>
    /// Ids of the style Word gives a content control's prompt. English Word calls it
    /// "PlaceholderText"; Chinese Word writes ids such as "a3" with the same built-in name.
    /// </summary>
    private static HashSet<string> PlaceholderStyles(OpenXmlPart main)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { WordNames.PlaceholderStyleId };
        var styles = main.Parts.Select(p => p.OpenXmlPart).FirstOrDefault(p => p.ContentType == WordNames.StylesContentType);
        if (styles is null) return ids;

        using var xml = XmlReader.Create(styles.GetStream(FileMode.Open, FileAccess.Read), XmlSettings);
        string? id = null;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || !WordNames.IsMain(xml.NamespaceURI)) continue;
            if (xml.LocalName == "style") id = xml.GetAttribute("styleId", xml.NamespaceURI);
            else if (xml.LocalName == "name" && id is not null && xml.GetAttribute("val", xml.NamespaceURI) == WordNames.PlaceholderStyleName) ids.Add(id);
        }

        return ids;
    }

    // A zip bomb declares small entries and inflates without end: count what really comes out.
    private static void CheckInflatedSize(byte[] buffer, long maxInflatedBytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(buffer, writable: false), ZipArchiveMode.Read);
            long total = 0;

            // Pooled: a fresh 80 KB scratch buffer per report was a fifth of what a DOCX parse allocated.
            var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                foreach (var entry in zip.Entries)
                {
                    if (entry.Length > maxInflatedBytes) throw Bomb(maxInflatedBytes);
                    using var s = entry.Open();
                    int n;
                    while ((n = s.Read(chunk, 0, chunk.Length)) > 0)
                    {
                        total += n;
                        if (total > maxInflatedBytes) throw Bomb(maxInflatedBytes);
                    }
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
            }
        }
        catch (InvalidDataException e)
        {
            throw new DocumentException($"DOCX 文件已损坏或不完整 (a damaged or truncated DOCX ({e.Message.TrimEnd('.')}))", e);
        }
    }

    private static DocumentException Bomb(long max) =>
        new($"DOCX 解压后超过 {Size(max)}，疑为压缩炸弹，拒绝读取 (a DOCX that inflates beyond {Size(max)}; refused as a possible zip bomb)");

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : bytes >= 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
