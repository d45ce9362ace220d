using System.IO.Compression;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Warehouse.Parsing.Documents;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace Warehouse.Parsing.Docx;

/// <summary>
/// Reads a DOCX attachment: body paragraphs, text boxes, and tables with merged cells
/// (gridSpan, vMerge). A table split over pages is two tables in a row; the extractor reads
/// rows by label, so it does not care.
/// </summary>
public static class DocxLayout
{
    public const string Layout = "docx";

    public static ReportDocument Read(ReadOnlyMemory<byte> bytes, long maxInflatedBytes)
    {
        var buffer = bytes.ToArray();
        CheckInflatedSize(buffer, maxInflatedBytes);
        try
        {
            using var stream = new MemoryStream(buffer, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body ?? throw new DocumentException("a DOCX without a document body");
            var blocks = new List<Block>();
            ReadContainer(body, blocks);
            return new ReportDocument(blocks, Layout);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException or InvalidOperationException)
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

    private static void ReadContainer(OpenXmlElement container, List<Block> blocks)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case WParagraph p:
                    ReadParagraph(p, blocks);
                    break;
                case Table t:
                    ReadTable(t, blocks);
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    ReadContainer(content, blocks);
                    break;
            }
        }
    }

    private static void ReadParagraph(WParagraph p, List<Block> blocks)
    {
        // Text boxes sit inside a run; Word writes each twice (DrawingML and VML fallback).
        var seen = new HashSet<string>();
        foreach (var box in p.Descendants<TextBoxContent>())
        {
            foreach (var inner in box.Elements<WParagraph>())
            {
                var boxed = OwnText(inner);
                if (boxed.Length > 0 && seen.Add(boxed)) blocks.Add(new Documents.Paragraph(boxed));
            }
        }

        var text = OwnText(p);
        if (text.Length > 0) blocks.Add(new Documents.Paragraph(text));
    }

    private static void ReadTable(Table table, List<Block> blocks)
    {
        foreach (var row in table.Elements<WTableRow>())
        {
            var cells = row.Elements<TableCell>().ToList();
            if (cells.Any(c => c.Descendants<Table>().Any()))
            {
                foreach (var cell in cells) ReadContainer(cell, blocks);
                continue;
            }

            if (cells.Count > 0) blocks.Add(new Documents.TableRow(cells.Select(CellText).ToList()));
        }
    }

    private static string CellText(TableCell cell) =>
        string.Concat(cell.Elements<WParagraph>().Select(OwnText));

    // The paragraph's text without what its text boxes hold; tabs and breaks become spaces.
    private static string OwnText(WParagraph p)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var run in p.Descendants<Run>())
        {
            if (InsideTextBoxOf(run, p)) continue;
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case DocumentFormat.OpenXml.Wordprocessing.Text t:
                        sb.Append(t.Text);
                        break;
                    case TabChar or Break:
                        sb.Append(' ');
                        break;
                }
            }
        }

        return sb.ToString().Trim();
    }

    private static bool InsideTextBoxOf(OpenXmlElement run, WParagraph p)
    {
        for (var e = run.Parent; e is not null && !ReferenceEquals(e, p); e = e.Parent)
        {
            if (e is TextBoxContent) return true;
        }

        return false;
    }
}
