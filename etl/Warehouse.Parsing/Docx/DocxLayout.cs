using System.IO.Compression;
using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Docx;

/// <summary>
/// Reads a DOCX attachment: body paragraphs, text boxes, and tables with merged cells
/// (gridSpan, vMerge; a continued vMerge cell reads as empty). A table split over pages is
/// two tables in a row; the extractor reads rows by label, so it does not care.
/// </summary>
/// <remarks>
/// The Open XML SDK opens the package; the body is then read with a streaming XmlReader,
/// which is about ten times faster than the SDK's DOM on a report's tables.
/// </remarks>
public static class DocxLayout
{
    public const string Layout = "docx";

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    public static ReportDocument Read(ReadOnlyMemory<byte> bytes, long maxInflatedBytes)
    {
        var buffer = bytes.ToArray();
        CheckInflatedSize(buffer, maxInflatedBytes);
        try
        {
            using var stream = new MemoryStream(buffer, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var part = doc.MainDocumentPart ?? throw new DocumentException("a DOCX without a main document part");
            using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
            return new ReportDocument(new BodyReader(xml).Read(), Layout);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or XmlException or InvalidOperationException)
        {
            throw new DocumentException($"a damaged DOCX ({e.Message.TrimEnd('.')})", e);
        }
    }

    // A zip bomb declares small entries and inflates without end: count what really comes out.
    private static void CheckInflatedSize(byte[] buffer, long maxInflatedBytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(buffer, writable: false), ZipArchiveMode.Read);
            long total = 0;
            var chunk = new byte[81920];
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
        catch (InvalidDataException e)
        {
            throw new DocumentException($"a damaged or truncated DOCX ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static DocumentException Bomb(long max) =>
        new($"a DOCX that inflates beyond {max / (1024 * 1024)} MB; refused as a possible zip bomb");

    /// <summary>Walks w:body once, keeping a stack of open tables, rows, cells and paragraphs.</summary>
    private sealed class BodyReader(XmlReader xml)
    {
        private readonly List<Block> _blocks = [];
        private readonly Stack<TableState> _tables = new();
        private readonly Stack<StringBuilder> _paragraphs = new();
        private readonly HashSet<string> _boxes = [];
        private int _boxDepth;

        private sealed class TableState
        {
            public List<string>? Row { get; set; }

            public StringBuilder? Cell { get; set; }

            public bool RowHoldsTable { get; set; }
        }

        public List<Block> Read()
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element) Start();
                else if (xml.NodeType == XmlNodeType.EndElement) End();
            }

            return _blocks;
        }

        private void Start()
        {
            if (xml.NamespaceURI == Mc && xml.LocalName == "Fallback")
            {
                // The VML copy of a DrawingML text box: the same text twice.
                xml.Skip();
                if (xml.NodeType == XmlNodeType.Element) Start();
                else if (xml.NodeType == XmlNodeType.EndElement) End();
                return;
            }

            if (xml.NamespaceURI != W) return;
            var empty = xml.IsEmptyElement;
            switch (xml.LocalName)
            {
                case "tbl":
                    if (_tables.TryPeek(out var outer)) outer.RowHoldsTable = true;
                    _tables.Push(new TableState());
                    break;
                case "tr" when _tables.TryPeek(out var t):
                    t.Row = [];
                    t.RowHoldsTable = false;
                    if (empty) EndRow(t);
                    break;
                case "tc" when _tables.TryPeek(out var t):
                    t.Cell = new StringBuilder();
                    if (empty) EndCell(t);
                    break;
                case "txbxContent":
                    if (!empty) _boxDepth++;
                    break;
                case "p":
                    _paragraphs.Push(new StringBuilder());
                    if (empty) EndParagraph();
                    break;
                case "t" when !empty && _paragraphs.Count > 0:
                    _paragraphs.Peek().Append(xml.ReadElementContentAsString());
                    if (xml.NodeType == XmlNodeType.Element) Start();
                    else if (xml.NodeType == XmlNodeType.EndElement) End();
                    break;
                case "tab" or "br" or "cr" when _paragraphs.Count > 0:
                    _paragraphs.Peek().Append(' ');
                    break;
            }
        }

        private void End()
        {
            if (xml.NamespaceURI != W) return;
            switch (xml.LocalName)
            {
                case "p":
                    EndParagraph();
                    break;
                case "txbxContent":
                    _boxDepth--;
                    break;
                case "tc" when _tables.TryPeek(out var t):
                    EndCell(t);
                    break;
                case "tr" when _tables.TryPeek(out var t):
                    EndRow(t);
                    break;
                case "tbl":
                    _tables.Pop();
                    break;
            }
        }

        private void EndParagraph()
        {
            if (_paragraphs.Count == 0) return;
            var text = _paragraphs.Pop().ToString().Trim();
            if (_boxDepth > 0)
            {
                if (text.Length > 0 && _boxes.Add(text)) _blocks.Add(new Paragraph(text));
                return;
            }

            if (_paragraphs.Count > 0)
            {
                // A paragraph inside a text box inside a paragraph: its text is not the outer one's.
                return;
            }

            if (_tables.TryPeek(out var t) && t.Cell is not null) t.Cell.Append(text);
            else if (text.Length > 0) _blocks.Add(new Paragraph(text));
        }

        private static void EndCell(TableState t)
        {
            if (t.Cell is null) return;
            t.Row?.Add(t.Cell.ToString());
            t.Cell = null;
        }

        private void EndRow(TableState t)
        {
            if (t.Row is null) return;

            // A row whose cells hold a table is page layout: its text was already read as paragraphs.
            if (t.Row.Count > 0 && !t.RowHoldsTable) _blocks.Add(new TableRow(t.Row));
            else if (t.RowHoldsTable)
            {
                foreach (var text in t.Row.Where(c => c.Length > 0)) _blocks.Add(new Paragraph(text));
            }

            t.Row = null;
        }
    }
}
