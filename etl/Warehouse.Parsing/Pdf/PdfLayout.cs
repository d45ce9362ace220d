using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Pdf;

/// <summary>
/// Reads a PDF by rebuilding lines from word positions and cells from the gaps between
/// words. PDFs carry no table structure: a label wrapped in its cell becomes label-only lines
/// around the line with the numbers, which the extractor joins again.
/// </summary>
public static class PdfLayout
{
    public const string Layout = "pdf";

    public static ReportDocument Read(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes.ToArray(), new ParsingOptions { UseLenientParsing = true, ClipPaths = false });
            var blocks = new List<Block>();
            foreach (var page in pdf.GetPages()) ReadPage(page, blocks);
            return new ReportDocument(blocks, Layout);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentException("a password-protected PDF; it cannot be read without its password", e);
        }
        catch (Exception e) when (e is PdfDocumentFormatException or PdfDocumentStackDepthException or CorruptCompressedDataException or InvalidFontFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or OverflowException or KeyNotFoundException or FormatException)
        {
            throw new DocumentException($"a damaged or truncated PDF ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static void ReadPage(Page page, List<Block> blocks)
    {
        var words = page.GetWords(NearestNeighbourWordExtractor.Instance)
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .ToList();
        if (words.Count == 0) return;

        var height = Median(words.Select(w => w.BoundingBox.Height));
        foreach (var line in Lines(words, height))
        {
            if (IsPageNumber(line, page, height)) continue;
            var cells = Cells(line, height);
            blocks.Add(cells.Count == 1 ? new Paragraph(cells[0]) : new TableRow(cells));
        }
    }

    // Words whose vertical centres lie within half a line height belong to one line.
    private static IEnumerable<List<Word>> Lines(List<Word> words, double height)
    {
        var sorted = words.OrderByDescending(w => w.BoundingBox.Centroid.Y).ThenBy(w => w.BoundingBox.Left).ToList();
        var line = new List<Word>();
        var y = double.NaN;
        foreach (var word in sorted)
        {
            var cy = word.BoundingBox.Centroid.Y;
            if (line.Count > 0 && Math.Abs(cy - y) > height * 0.5)
            {
                yield return line.OrderBy(w => w.BoundingBox.Left).ToList();
                line = [];
            }

            if (line.Count == 0) y = cy;
            line.Add(word);
        }

        if (line.Count > 0) yield return line.OrderBy(w => w.BoundingBox.Left).ToList();
    }

    // A gap wider than most of a character separates two cells; within a cell CJK runs touch.
    private static List<string> Cells(List<Word> line, double height)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        double right = double.NaN;
        foreach (var word in line)
        {
            if (current.Length > 0 && word.BoundingBox.Left - right > height * 0.9)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else if (current.Length > 0 && word.BoundingBox.Left - right > height * 0.15)
            {
                current.Append(' ');
            }

            current.Append(word.Text);
            right = word.BoundingBox.Right;
        }

        cells.Add(current.ToString());
        return cells;
    }

    private static bool IsPageNumber(List<Word> line, Page page, double height)
    {
        var text = string.Concat(line.Select(w => w.Text)).Trim('-', '—', ' ', '第', '页');
        var nearEdge = line[0].BoundingBox.Bottom < height * 5 || line[0].BoundingBox.Top > page.Height - (height * 5);
        return nearEdge && text.Length <= 4 && text.All(char.IsDigit);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => v > 0).OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 10 : sorted[sorted.Count / 2];
    }
}
