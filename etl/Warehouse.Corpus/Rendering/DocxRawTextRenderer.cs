using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// A Word attachment's text as mammoth's <c>extractRawText</c> gives it (mammoth 1.x, the DOCX reader of Node tools and
/// of the pipelines built on them): each paragraph's text, a table cell's paragraphs included, followed by two line
/// breaks, so that every paragraph ends with an empty line and an empty cell is two empty lines ("0\n\n\n\n3"); a
/// tab a tab, a manual line break nothing; the cells a vertical merge continues left out, a content control's prompt
/// as its text, a text box's paragraphs after the paragraph that anchors it. A port of mammoth's <c>convertElementToRawText</c> over the elements its reader keeps; byte for byte
/// mammoth's own on the generated documents (NewLayoutTests, against mammoth 1.13.0's text of six of them).
/// Or as Python's docx2txt gives it (<c>docx2txt.process</c>, behind LangChain's <c>Docx2txtLoader</c>): its
/// <c>xml2text</c> walks every element in document order and writes two line breaks as each paragraph begins, a line
/// break for <c>w:br</c>, so the text is double-spaced as mammoth's, but the cells a vertical merge continues keep
/// their empty paragraph (an empty line where the merged label stands) and a text box's paragraphs stay where they
/// are anchored.
/// </summary>
public static class DocxRawTextRenderer
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <param name="docx">A DOCX package (<see cref="DocxRenderer"/>).</param>
    /// <param name="docx2txt">Python docx2txt's text rather than mammoth's.</param>
    /// <returns>The text, UTF-8.</returns>
    /// <exception cref="InvalidDataException">The package has no <c>word/document.xml</c>.</exception>
    public static byte[] Render(byte[] docx, bool docx2txt = false)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var entry = zip.GetEntry("word/document.xml") ?? throw new InvalidDataException("The DOCX has no word/document.xml.");
        XDocument document;
        using (var stream = entry.Open()) document = XDocument.Load(stream);
        var body = document.Root?.Element(W + "body") ?? throw new InvalidDataException("The DOCX has no body.");
        var sb = new StringBuilder();
        if (docx2txt) WriteInOrder(body, sb);
        else Write(body, sb);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    // docx2txt's xml2text: every element in document order; its deleted text is w:delText, not w:t, and is left out.
    private static void WriteInOrder(XElement body, StringBuilder sb)
    {
        foreach (var element in body.Descendants())
        {
            if (element.Name == W + "t") sb.Append(element.Value);
            else if (element.Name == W + "tab") sb.Append('\t');
            else if (element.Name == W + "br" || element.Name == W + "cr") sb.Append('\n');
            else if (element.Name == W + "p") sb.Append("\n\n");
        }
    }

    // boxes: inside a paragraph, the text boxes met, whose paragraphs mammoth sets after the paragraph that anchors them.
    private static void Write(XElement element, StringBuilder sb, List<XElement>? boxes = null)
    {
        foreach (var child in element.Elements())
        {
            var name = child.Name;
            if (name == W + "t")
            {
                sb.Append(child.Value);
            }
            else if (name == W + "tab" && child.Parent?.Name == W + "r")
            {
                sb.Append('\t');
            }
            else if (name == W + "p")
            {
                var anchored = new List<XElement>();
                Write(child, sb, anchored);
                sb.Append("\n\n");
                foreach (var box in anchored) Write(box, sb);
            }
            else if (name == W + "txbxContent" && boxes is not null)
            {
                boxes.Add(child);
            }
            else if (name == W + "tc" && IsMergeContinuation(child))
            {
                // mammoth folds a vertical merge into its first cell's rowspan: the cells it continues are gone.
            }
            else if (name == W + "tr" && child.Element(W + "trPr")?.Element(W + "del") is not null)
            {
                // A row deleted with Track Changes is gone too, as Word shows the document.
            }
            else if (!Skipped(name))
            {
                Write(child, sb, boxes);
            }
        }
    }

    private static bool IsMergeContinuation(XElement cell)
    {
        var merge = cell.Element(W + "tcPr")?.Element(W + "vMerge");
        return merge is not null && (string?)merge.Attribute(W + "val") is null or "continue";
    }

    // Properties, deleted text and field codes hold no text of the document.
    private static bool Skipped(XName name) =>
        name == W + "pPr" || name == W + "rPr" || name == W + "tcPr" || name == W + "tblPr" || name == W + "tblGrid" || name == W + "trPr"
        || name == W + "sdtPr" || name == W + "sdtEndPr" || name == W + "sectPr" || name == W + "del" || name == W + "moveFrom"
        || name == W + "instrText" || name == W + "delText";
}
