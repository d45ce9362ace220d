using DocumentFormat.OpenXml.Packaging;
using Warehouse.Parsing.Html;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Docx;

/// <summary>
/// w:altChunk: a part imported whole into the body (OA systems paste the report's HTML, or merge
/// DOCX files this way). Word converts it on opening; we read HTML and text with our own readers
/// and a nested DOCX recursively.
/// </summary>
public static partial class DocxLayout
{
    // A DOCX chunk may itself import DOCX chunks; real documents nest one or two deep.
    private const int MaxChunkDepth = 3;

    private static BodyNode.Chunk ReadChunk(OpenXmlPart main, string id, long maxInflatedBytes, int depth, List<BodyNode.Chunk> chunks)
    {
        var part = main.Parts.Where(p => p.RelationshipId == id).Select(p => p.OpenXmlPart).FirstOrDefault();
        if (part is null) return Unreadable("缺少其内容部件", "its part is missing from the file");

        byte[] bytes;
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read))
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        var type = part.ContentType.ToLowerInvariant();
        if (bytes.AsSpan().StartsWith("{\\rtf"u8) || type.Contains("rtf", StringComparison.Ordinal))
        {
            return Unreadable("为 RTF 格式", "it is RTF");
        }

        if (type.StartsWith("message/", StringComparison.Ordinal) || type.StartsWith("multipart/", StringComparison.Ordinal))
        {
            return Unreadable("为 MHT 网页归档格式", "it is an MHT web archive");
        }

        var kind = DocumentSniffer.Sniff(bytes);
        if (type.Contains("html", StringComparison.Ordinal) || kind == DocumentKind.Html)
        {
            var page = HtmlLayout.Read(TextDecoding.Decode(bytes, TextDecoding.CharsetOf(part.ContentType), lookForMeta: true));
            return new(page.Blocks, Titles: page.Titles);
        }

        if (type.StartsWith("text/plain", StringComparison.Ordinal))
        {
            return new(PlainTextLayout.Read(TextDecoding.Decode(bytes, TextDecoding.CharsetOf(part.ContentType), lookForMeta: false)).Blocks);
        }

        if (kind == DocumentKind.Docx)
        {
            if (depth >= MaxChunkDepth) return Unreadable($"嵌套超过 {MaxChunkDepth} 层", $"it nests DOCX chunks more than {MaxChunkDepth} deep");

            // A DOCX inside a DOCX could be a zip bomb of its own.
            CheckInflatedSize(bytes, maxInflatedBytes);
            try
            {
                return new(ReadBody(bytes, maxInflatedBytes, depth + 1, chunks));
            }
            catch (DocumentException e)
            {
                return new([], e.Message);
            }
        }

        return Unreadable($"的格式（{part.ContentType}）无法识别", $"its format {part.ContentType} is not one we read");
    }

    private static BodyNode.Chunk Unreadable(string chinese, string english) =>
        new([], $"正文中有导入的内容块（w:altChunk），{chinese}，无法读取；请用 Word 打开并另存为 DOCX "
            + $"(the body holds an imported chunk (w:altChunk) that cannot be read: {english}; open the file in Word and save it as DOCX)");
}
