using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Fonts;
using Warehouse.Parsing.Documents;
using Warehouse.Parsing.Extraction;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Pdf;

/// <summary>
/// Reads a PDF. PDFs carry no table structure, but report tables are ruled: each word is put
/// in the cell that the nearest rules around it enclose, so a label wrapped over five lines
/// in a narrow cell is one cell again, and its row is the band between two rules. A row that a
/// page break cut goes on in the first ruled row of the next page, in the same columns (see
/// <c>Continued</c>). Text outside ruled tables becomes lines, split into cells where words stand
/// far apart.
/// </summary>
public static partial class PdfLayout
{
    public const string Layout = "pdf";

    private const double Tolerance = 1.5;

    public static ReportDocument Read(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var options = new ParsingOptions { UseLenientParsing = true, ClipPaths = false };
            var data = bytes.ToArray();
            var pdf = PdfDocument.Open(data, options);
            try
            {
                return Read(ref pdf, data, options);
            }
            finally
            {
                pdf.Dispose();
            }
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentException("加密的 PDF，没有密码无法读取 (a password-protected PDF; it cannot be read without its password)", e);
        }
        catch (Exception e) when (Damaged(e))
        {
            throw new DocumentException($"PDF 文件已损坏或不完整 (a damaged or truncated PDF ({e.Message.TrimEnd('.')}))", e);
        }
        catch (Exception e) when (e is not (DocumentException or OutOfMemoryException or OperationCanceledException))
        {
            // Thrown by this reader's own code, not by PdfPig reading the file: the file is not to blame, and the
            // user is not told it is damaged.
            throw new DocumentException($"读取此 PDF 的版式时解析器出错，这是解析器的缺陷，不是文件的问题，请把文件报告给维护者 (the parser failed on this PDF's layout, a defect of the parser and not of the file: {e.GetType().Name}: {e.Message.TrimEnd('.')})", e);
        }
    }

    // The document's pages read in turn; pdf is replaced by its mended form at the first page that needs it.
    private static ReportDocument Read(ref PdfDocument pdf, byte[] data, ParsingOptions options)
    {
        var mendingTried = false;
        var blocks = new List<Block>();
        var lastSectionPage = -1;
        // The last ruled row of the page before, when nothing but page furniture follows it.
        (int Index, IReadOnlyList<Cell> Cells, bool Cut)? open = null;
        // Ruled rows without a number seen so far: a table's heading, which may come again.
        var headings = new HashSet<string>(StringComparer.Ordinal);
        var beyond = false;
        // Pages whose text is an OCR tool's invisible layer over a picture of the page, and pages with text at all.
        var scanned = 0;
        var lettered = 0;
        // The columns of a table without rules that the foot of the page before cut.
        List<(double Left, double Right)>? columns = null;
        for (var number = 1; number <= pdf.NumberOfPages; number++)
        {
            // A report ends a page or so after its last section; a bundle of several reports
            // (or a 400-page scan) is not read to the end to find the first one's signature.
            if (lastSectionPage > 0 && number > lastSectionPage + 1) break;
            var start = blocks.Count;
            var page = pdf.GetPage(number);
            if (!mendingTried && NeedsMending(pdf, page))
            {
                mendingTried = true;
                if (Mended(pdf, data, options) is { } mended)
                {
                    pdf.Dispose();
                    pdf = mended;
                    page = pdf.GetPage(number);
                }
            }

            beyond |= TextBeyondPage(page);
            if (page.Letters.Count > 0)
            {
                lettered++;
                if (IsOcrLayerOverPicture(page)) scanned++;
            }

            var placed = ReadPage(UprightPage.Of(page, NamelessGlyphs.Fonts(pdf, page)), ref columns);
            // Word's "repeat as header row" sets the table's heading above the rest of the row.
            var first = placed.FindIndex(p => p.Cells is not null && !headings.Contains(Signature(p.Cells)));
            if (open is { } row && first >= 0 && placed.Take(first).All(p => IsFurniture(p) || (p.Cells is { } c && headings.Contains(Signature(c)))))
            {
                if ((Continued(row.Cells, placed[first].Cells!) ?? LabelGoesOn(row.Cells, placed[first].Cells!, row.Cut)
                    ?? NumbersFollowLabel(row.Cells, placed[first].Cells!, row.Cut) ?? LabelFollowsNumbers(row.Cells, placed[first].Cells!, row.Cut)) is { } joined)
                {
                    blocks[row.Index] = new TableRow(joined.Select(c => c.Text).ToList(), Exact: true);
                    placed[first] = placed[first] with { Block = null, Cells = joined };
                }
            }

            foreach (var p in placed)
            {
                if (p.Block is { } block) blocks.Add(block);
                if (p.Cells is { } cells && cells.All(c => CountCell.Classify(c.Text) != CellKind.Number)) headings.Add(Signature(cells));
            }

            var last = placed.FindLastIndex(p => p.Cells is not null);
            open = last >= 0 && placed.Skip(last + 1).All(IsFurniture)
                ? (placed[last].Block is null ? open!.Value.Index : start + placed.Take(last).Count(p => p.Block is not null), placed[last].Cells!, placed[last].Cut)
                : null;
            if (blocks.Skip(start).Any(IsLastSection)) lastSectionPage = number;
        }

        if (!blocks.Exists(b => b is not Picture) && pdf.NumberOfPages > 0)
        {
            // Pages of pictures are a scan; pages of neither letters nor pictures draw their words as shapes (text
            // converted to outlines, 转曲, as some printers and typesetters do to keep a document unedited).
            throw new DocumentException(blocks.Count > 0
                ? "扫描件，无文字层：PDF 的页面只有图像，没有可读取的文字，需先做文字识别 (a scanned PDF without a text layer; it needs OCR first)"
                : "PDF 没有文字层：页面上的字是画出来的曲线（文字已转曲），不是文字，没有可读取的内容，需用原件或先做文字识别 (the PDF has no text layer: its words are drawn as outlines, not set as text; use the original or OCR it)");
        }

        return new ReportDocument(blocks, Layout, PrintedPageTitle(pdf)) { TextBeyondPage = beyond, OcrTextLayer = lettered > 0 && scanned * 2 >= lettered };
    }

    // Whether the page draws strings that PdfPig loses (MarkedStringRepair.Holds); a stream that cannot be decoded
    // again is left to the reading, which tolerated it.
    private static bool NeedsMending(PdfDocument pdf, Page page)
    {
        try
        {
            return MarkedStringRepair.Holds(pdf, page.Dictionary);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return false;
        }
    }

    /// <summary>
    /// The document again with the content strings that PdfPig would lose written as hexadecimal strings
    /// (<see cref="MarkedStringRepair"/>), or null when it has none or its mending fails: it is then read as it is
    /// (the mending only restores text, and the reading that follows names what is wrong with the file).
    /// </summary>
    private static PdfDocument? Mended(PdfDocument pdf, byte[] data, ParsingOptions options)
    {
        try
        {
            return MarkedStringRepair.Repair(pdf, data) is { } repaired ? PdfDocument.Open(repaired, options) : null;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return null;
        }
    }

    /// <summary>
    /// What PdfPig throws on a damaged or truncated file: its own exceptions, and the runtime's that PdfPig's code
    /// raised (the first frame of the trace outside the runtime is PdfPig's file reading, not its layout analysis).
    /// </summary>
    private static bool Damaged(Exception e) =>
        e is PdfDocumentFormatException or PdfDocumentStackDepthException or CorruptCompressedDataException or InvalidFontFormatException
        || (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or OverflowException or KeyNotFoundException or FormatException
            && ThrownBy(e) is { } name && name.StartsWith("UglyToad.PdfPig", StringComparison.Ordinal) && name != "UglyToad.PdfPig.DocumentLayoutAnalysis");

    // The assembly of the first frame of the exception's trace outside the runtime (System.*, Microsoft.*); null when none.
    private static string? ThrownBy(Exception e)
    {
        foreach (var frame in new System.Diagnostics.StackTrace(e).GetFrames())
        {
            if (frame.GetMethod()?.DeclaringType?.Assembly.GetName().Name is not { } name) continue;
            if (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal) || name == "System") continue;
            return name;
        }

        return null;
    }

    /// <summary>
    /// True when the page is a scan made searchable: nine letters in ten or more are drawn invisibly (text rendering
    /// mode 3 or 7, ISO 32000-1 §9.3.6, as OCR tools set their text layer: Acrobat, ABBYY, Tesseract, ocrmypdf) and a
    /// picture covers three quarters of the page or more. A damaged image counts as none.
    /// </summary>
    private static bool IsOcrLayerOverPicture(Page page)
    {
        var letters = page.Letters;
        var invisible = letters.Count(l => l.RenderingMode is TextRenderingMode.Neither or TextRenderingMode.NeitherClip);
        if (invisible * 10 < letters.Count * 9) return false;
        try
        {
            var area = page.Width * page.Height;
            return page.GetImages().Any(i => i.BoundingBox.Width * i.BoundingBox.Height >= area * 0.75);
        }
        catch (Exception e) when (Damaged(e))
        {
            return false;
        }
    }

    /// <summary>
    /// The pictures on a page that no text lies on, at least a third of the page wide and a tenth of it high: a table
    /// pasted into the document as a picture, kept in its place (PDF points, its top) so that the table's absence
    /// says why. A watermark or a seal lies under text, and an icon is smaller. A damaged image is no picture: it
    /// only names a reason, and must not cost the page its text.
    /// </summary>
    private static List<Placed> Pictures(UprightPage page, IReadOnlyList<Word> words)
    {
        var pictures = new List<Placed>();
        try
        {
            foreach (var image in page.Page.GetImages())
            {
                var b = page.Map(image.BoundingBox);
                double left = Math.Min(b.Left, b.Right), right = Math.Max(b.Left, b.Right), bottom = Math.Min(b.Bottom, b.Top), top = Math.Max(b.Bottom, b.Top);
                if (right - left < page.Width / 3 || top - bottom < page.Height / 10) continue;
                if (words.Any(w => w.BoundingBox.Centroid.X >= left && w.BoundingBox.Centroid.X <= right && w.BoundingBox.Centroid.Y >= bottom && w.BoundingBox.Centroid.Y <= top)) continue;
                pictures.Add(new Placed(top, new Picture(null)));
            }
        }
        catch (Exception e) when (Damaged(e))
        {
            return [];
        }

        return pictures;
    }

    /// <summary>
    /// The title of the page a browser printed (Chrome, Edge: Creator "Mozilla/5.0 … Chrome/…",
    /// Producer "Skia/PDF"; wkhtmltopdf; Firefox): a browser writes the page's &lt;title&gt; as the
    /// PDF's Title, and a portal's page may print no title in its body. An office suite's Title
    /// is the document property, often left from the template or last year's report, so it is
    /// not taken.
    /// </summary>
    private static IReadOnlyList<string>? PrintedPageTitle(PdfDocument pdf)
    {
        var info = pdf.Information;
        var maker = $"{info.Creator} {info.Producer}";
        var browser = maker.Contains("Mozilla/", StringComparison.Ordinal) || maker.Contains("Skia/PDF", StringComparison.Ordinal)
            || maker.Contains("wkhtmltopdf", StringComparison.OrdinalIgnoreCase) || maker.Contains("Firefox", StringComparison.Ordinal);
        return browser && !string.IsNullOrWhiteSpace(info.Title) ? [info.Title.Trim()] : null;
    }

    private static bool IsLastSection(Block block) =>
        Sections.HeadingText(block) is { } text && text.Contains("其他需要报告", StringComparison.Ordinal) && Sections.IsHeading(block);

    /// <summary>A rule at <paramref name="At"/> from <paramref name="From"/> to <paramref name="To"/> (PDF points); not <paramref name="Drawn"/> when added where a page cut a table (<c>Close</c>).</summary>
    private sealed record Rule(double At, double From, double To, bool Drawn = true);

    /// <summary>A cell of a ruled row: its left and right rules (PDF points) and its text.</summary>
    private sealed record Cell(double Left, double Right, string Text);

    /// <summary>A block at its height on the page; a ruled row keeps its cells' places. No block: the row went into the row above it, across a page break.</summary>
    /// <param name="Cut">A ruled row whose bottom rule the page's edge drew, not the table: a page break cut the row.</param>
    private sealed record Placed(double Y, Block? Block, IReadOnlyList<Cell>? Cells = null, bool Cut = false);

    // What stands between a row cut by a page break and its continuation: page numbers, running
    // heads and footers, short lines that are no sentence of the report.
    private static bool IsFurniture(Placed placed) =>
        placed.Block is Paragraph { Text: var text } paragraph && text.Length <= 40 && !text.Contains('。', StringComparison.Ordinal) && !Sections.IsHeading(paragraph);

    /// <summary>
    /// A row that a page break cut goes on in the first ruled row of the next page, in the same
    /// columns: "（七）总计 | 222 | … | 3,86" at the foot of one page and "9 | 9" at the head of the
    /// next are "2229" and "3,869". The row below is taken as the rest of the row above when every
    /// one of its cells stands in a column of the row above (same rules, within 2 points) or in a
    /// column where that row is blank, every number in it is a piece (up to four digits or a unit)
    /// and makes a number as written with the cell above it ("222" and "9"; not "0" and "9"), one
    /// at least joins, and its only words are a piece of a group's label in a column left of the
    /// row's own label ("三、本" and "年度办理结果"). Null when the row below is a row of its own.
    /// </summary>
    private static List<Cell>? Continued(IReadOnlyList<Cell> above, IReadOnlyList<Cell> below)
    {
        var cells = above.ToList();
        var rowLabel = -1;
        for (var i = 0; i < cells.Count && CountCell.Classify(cells[i].Text) != CellKind.Number; i++)
        {
            if (CountCell.Classify(cells[i].Text) == CellKind.Label) rowLabel = i;
        }

        var joins = 0;
        foreach (var cell in below)
        {
            var text = cell.Text.Trim();
            // A blank cell of the row below (its rules hold nothing) adds nothing to the row above.
            if (text.Length == 0) continue;
            var k = cells.FindIndex(c => Math.Abs(c.Left - cell.Left) < 2 && Math.Abs(c.Right - cell.Right) < 2);
            // A unit alone ("件") is a piece: the end of the number above it.
            if (!WrappedNumbers.IsPiece(text) && CountCell.Classify(text) == CellKind.Label)
            {
                if (k < 0 || k >= rowLabel) return null;
                cells[k] = cells[k] with { Text = cells[k].Text.Trim() + text };
                continue;
            }

            if (!WrappedNumbers.IsPiece(text)) return null;
            if (k >= 0)
            {
                var joined = cells[k].Text.Trim() + text;
                if (!WrappedNumbers.IsWrittenNumber(joined)) return null;
                // A blank cell above (a ruled row keeps its blank cells) takes the whole number; a join is a piece added to a piece.
                if (cells[k].Text.Trim().Length > 0) joins++;
                cells[k] = cells[k] with { Text = joined };
                continue;
            }

            // The whole of a cell went to the next page: it stands where the row above is blank.
            if (rowLabel < 0 || cell.Left < cells[rowLabel].Right || cells.Any(c => c.Left < cell.Right && cell.Left < c.Right)) return null;
            cells.Add(cell);
        }

        return joins > 0 ? cells.OrderBy(c => c.Left).ToList() : null;
    }

    /// <summary>
    /// The row above with the end of its label, when a page's first ruled row is only that: its
    /// filled cells hold labels that begin with no row numbering ("4." "（五）" "二、"), each in a column
    /// of the row above at or left of that row's own label, and its other cells are empty ("无法提供" and
    /// "机关不掌握相关政府信息" under "（四）" and "1、本"; "业性收费" under "行政事"), save a merged group's label
    /// centred on its rows ("三、本年度办理结果" beside "属于行政查询事项" under "8.", wkhtmltopdf), which stands
    /// left of the row's label where the row above is blank, or a piece of it that the page cut too ("果" of "三、本年度办理
    /// 结果", Chromium), left of the row's label where the row above has no cell, which is passed over. The row above must hold a
    /// number, and either its own label begins with a numbering, so that a row of its table would too,
    /// or the page cut it (<paramref name="cut"/>: no rule drawn under it). Otherwise, as for a row of
    /// table 二 whose value is blank ("行政强制" and an empty cell), null: the row is a row of its own.
    /// </summary>
    private static List<Cell>? LabelGoesOn(IReadOnlyList<Cell> above, IReadOnlyList<Cell> below, bool cut)
    {
        var cells = above.ToList();
        var firstNumber = cells.FindIndex(c => CountCell.Classify(c.Text) == CellKind.Number);
        if (firstNumber < 0) return null;
        var rowLabel = cells.FindLastIndex(firstNumber, c => CountCell.Classify(c.Text) == CellKind.Label);
        if (rowLabel < 0 || !(cut || RowNumbering().IsMatch(cells[rowLabel].Text))) return null;
        var joined = 0;
        Cell? group = null;
        foreach (var cell in below)
        {
            var text = cell.Text.Trim();
            if (text.Length == 0) continue;
            if (CountCell.Classify(text) != CellKind.Label) return null;
            var k = cells.FindIndex(c => Math.Abs(c.Left - cell.Left) < 2 && Math.Abs(c.Right - cell.Right) < 2);
            if (RowNumbering().IsMatch(text))
            {
                // A merged group's label ("三、本年度办理结果") centred on its rows may fall in this part of the row:
                // it stands left of the row's label where the row above is blank or has no cell. It continues no label.
                if (cell.Right > cells[rowLabel].Left + 2) return null;
                if (k >= 0 && cells[k].Text.Trim().Length > 0) return null;
                if (k < 0 && above.Any(c => c.Left < cell.Right - 2 && cell.Left < c.Right - 2)) return null;
                if (k >= 0) cells[k] = cells[k] with { Text = text };
                else group = cell with { Text = text };
                continue;
            }

            // The end of such a label that the page cut as well ("三、本年" / "度办理结" over "果"): a piece of it, left of the
            // row's label where the row above has no cell (the merged cell is the rows' above), goes with the rest of it.
            if (k < 0 && Extraction.OuterLabels.IsPiece(text) && cell.Right <= cells[rowLabel].Left + 2
                && !above.Any(c => c.Left < cell.Right - 2 && cell.Left < c.Right - 2)) continue;
            if (k < 0 || k > rowLabel) return null;
            cells[k] = cells[k] with { Text = cells[k].Text.Trim() + text };
            joined++;
        }

        if (joined == 0) return null;
        if (group is not null) cells.Insert(0, group);
        return cells;
    }

    /// <summary>
    /// The row above with the rest of its label and all its numbers, when a page break left only the start of
    /// its label at the foot of the page and the cells, centred on the row, went with the label's end to the
    /// next page ("3.补正后申请内容" and blank cells at the foot; "仍不明确 | 0 | 0 | | - | / | 0 | -" at the head:
    /// wkhtmltopdf, Word with rows allowed to break across pages). The row above holds no number and its label
    /// begins with a row numbering, or the page cut it; the row below holds at least one number and a label
    /// that begins with none, each of its filled cells in a column of the row above (same rules, within 2 points),
    /// its words at or left of that row's label and its numbers right of it. Otherwise null.
    /// </summary>
    private static List<Cell>? NumbersFollowLabel(IReadOnlyList<Cell> above, IReadOnlyList<Cell> below, bool cut)
    {
        var cells = above.ToList();
        if (cells.Exists(c => CountCell.Classify(c.Text) == CellKind.Number)) return null;
        var rowLabel = cells.FindLastIndex(c => CountCell.Classify(c.Text) == CellKind.Label);
        if (rowLabel < 0 || !(cut || RowNumbering().IsMatch(cells[rowLabel].Text))) return null;
        var (words, numbers) = (0, 0);
        foreach (var cell in below)
        {
            var text = cell.Text.Trim();
            if (text.Length == 0) continue;
            var k = cells.FindIndex(c => Math.Abs(c.Left - cell.Left) < 2 && Math.Abs(c.Right - cell.Right) < 2);
            if (k < 0) return null;
            if (CountCell.Classify(text) == CellKind.Label)
            {
                if (k > rowLabel || RowNumbering().IsMatch(text)) return null;
                cells[k] = cells[k] with { Text = cells[k].Text.Trim() + text };
                words++;
            }
            else
            {
                if (k <= rowLabel) return null;
                cells[k] = cells[k] with { Text = text };
                if (CountCell.Classify(text) == CellKind.Number) numbers++;
            }
        }

        return words > 0 && numbers > 0 ? cells : null;
    }

    /// <summary>
    /// The row below with the numbers of the row above, when a page break left a row's numbers at the foot of the
    /// page and its whole label went to the next ("0 | 0 | 0 | 0 | 0 | 1 | 1" under a blank label cell at the foot;
    /// "4.无正当理由大量反复申请" over blank cells at the head: WeasyPrint, and browsers that split a row whose label
    /// wraps, set each cell's lines on the page they fit). The row above holds numbers and no label but left of its
    /// first number, in columns the row below leaves blank; the row below holds a label, beginning with a row
    /// numbering unless the page cut the row above (<paramref name="cut"/>), and nothing else, each of its filled
    /// cells in a column of the row above (same rules, within 2 points) that is blank there and left of every number.
    /// Otherwise null: a row of numbers without a label stays one, for the table's reading to name.
    /// </summary>
    private static List<Cell>? LabelFollowsNumbers(IReadOnlyList<Cell> above, IReadOnlyList<Cell> below, bool cut)
    {
        var cells = above.ToList();
        var firstNumber = cells.FindIndex(c => CountCell.Classify(c.Text) == CellKind.Number);
        if (firstNumber < 0) return null;
        var labelled = 0;
        foreach (var cell in below)
        {
            var text = cell.Text.Trim();
            if (text.Length == 0) continue;
            if (CountCell.Classify(text) != CellKind.Label) return null;
            var k = cells.FindIndex(c => Math.Abs(c.Left - cell.Left) < 2 && Math.Abs(c.Right - cell.Right) < 2);
            if (k < 0 || k >= firstNumber || cells[k].Text.Trim().Length > 0) return null;
            cells[k] = cells[k] with { Text = text };
            labelled = Math.Max(labelled, k + 1);
        }

        // The row above is labelled nowhere between the label below and its numbers; the label is a row's own.
        if (labelled == 0 || cells.Skip(labelled).Take(firstNumber - labelled).Any(c => c.Text.Trim().Length > 0)) return null;
        if (!cut && !RowNumbering().IsMatch(cells[labelled - 1].Text)) return null;
        return cells;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:[0-9０-９]+\s*[.．、]|[0-9０-９]\s*[)）](?=\s?[\u4e00-\u9fff“])|[0-9０-９]\s?[，,:：](?=\s?[\u4e00-\u9fff])|[（(](?:[一二三四五六七八九十]+|[0-9０-９]+)[)）]|[一二三四五六七八九十]+\s*[、.．]|[①-⑳])")]
    internal static partial System.Text.RegularExpressions.Regex RowNumbering();

    private static string Signature(IReadOnlyList<Cell> cells) => string.Join('\u001f', cells.Select(c => c.Text));

    /// <summary>
    /// Whether the page places letters wholly outside its crop box, left or right: content laid out
    /// wider than the paper (LibreOffice printing a web page whose layout tables are wider than A4),
    /// whose text past some width is not in the file at all.
    /// </summary>
    private static bool TextBeyondPage(Page page)
    {
        var box = page.CropBox.Bounds;
        foreach (var letter in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value)) continue;
            if (letter.StartBaseLine.X > box.Right + Tolerance || letter.EndBaseLine.X < box.Left - Tolerance) return true;
        }

        return false;
    }

    private static List<Placed> ReadPage(UprightPage page, ref List<(double Left, double Right)>? columns)
    {
        // A glyph printed two or three times a fraction of a point apart (bold made by overprinting,
        // as GDI print drivers and a browser's text-shadow do) is one letter: PdfPig's
        // duplicate-overlap filter, after PDFBox's text stripper, keeps the first of each.
        var letters = DuplicateOverlappingTextProcessor.Get(page.Letters);
        var floating = FloatingSize(letters);
        var words = Words(letters, floating).Where(w => !string.IsNullOrWhiteSpace(w.Text)).SelectMany(BySize).SelectMany(AtNumberGaps).ToList();
        var pictures = Pictures(page, words);
        if (words.Count == 0)
        {
            columns = null;
            return pictures;
        }

        var (horizontal, vertical) = Rules(page);
        if (vertical.Count > 0) words = words.SelectMany(w => AcrossRules(w, vertical)).ToList();
        var height = LineHeight(words);
        horizontal = WithoutInnerRules(horizontal, words, height);
        words = WithoutMarginPageNumbers(words, page, height, horizontal, vertical, continued: columns is not null);

        var cells = new Dictionary<(double Top, double Bottom, double Left, double Right), List<Word>>();
        var loose = new List<Word>();
        foreach (var word in words)
        {
            if (CellOf(Anchor(word, horizontal), horizontal, vertical) is { } cell)
            {
                if (!cells.TryGetValue(cell, out var list)) cells[cell] = list = [];
                list.Add(word);
            }
            else
            {
                loose.Add(word);
            }
        }

        var placed = new List<Placed>(pictures);
        placed.AddRange(TableRows(cells, horizontal, vertical, height));
        var lines = Lines(loose, height, overprinted: floating is not null).Where(line => !IsPageNumber(line, page, height) && !IsPrintFurniture(line, page, height)).ToList();
        (var unruled, var rest, columns) = UnruledTables.Read(lines, height, columns);
        placed.AddRange(unruled.Select(r => new Placed(r.Y, r.Block)));
        var over = double.NaN;
        foreach (var line in rest.OrderByDescending(l => l[0].BoundingBox.Centroid.Y))
        {
            var texts = Cells(line, height);
            var y = line[0].BoundingBox.Centroid.Y;
            // The lines of a floating box printed over the body stay together, in their order, where the first stands.
            if (floating is { } size && line.All(w => w.Letters.Count > 0 && w.Letters.Max(l => l.PointSize) > size))
            {
                if (!double.IsNaN(over) && over - y <= line.Max(w => w.BoundingBox.Height) * 2) y = over - 0.001;
                over = y;
            }

            // A line of a sentence ("…主动公开情况。2021年，本机关公开信息  2,499  条，其中…", a browser
            // setting the figure apart) is prose whatever its gaps: no table's label holds a 。.
            var prose = texts.Count > 1 && texts.Any(t => t.Contains('。', StringComparison.Ordinal));
            placed.Add(new Placed(y, texts.Count == 1 || prose ? new Paragraph(string.Join(" ", texts)) : new TableRow(texts)));
        }

        return placed.OrderByDescending(p => p.Y).ToList();
    }

    /// <summary>
    /// The horizontal rules without those that split only the label cells of a row a little inside it: a rule that
    /// reaches no further than the row's own rule less than 0.8 of a line above or below it, with no word wholly between
    /// the two, while nothing is ruled at its height beyond its ends. wkhtmltopdf draws a merged label cell's border a few
    /// points off the row's ("（二）部分公开（区分处理的，…）" under "（一）予以公开", across the label columns only, 5 pt
    /// below the row's top through the label's first line, or 3 pt above its bottom): a sliver of a row took the row's
    /// numbers without their blank cells, and the label, or the rest of it, became a row of its own.
    /// </summary>
    private static List<Rule> WithoutInnerRules(List<Rule> horizontal, List<Word> words, double height)
    {
        List<Rule>? kept = null;
        foreach (var r in horizontal)
        {
            // Nothing else is ruled at its height beyond its ends: it splits the label columns only.
            if (horizontal.Exists(w => w != r && Math.Abs(w.At - r.At) <= Tolerance && (w.From > r.To - Tolerance || w.To < r.From + Tolerance))) continue;
            var doubled = horizontal.Exists(o =>
            {
                var apart = Math.Abs(o.At - r.At);
                if (apart <= Tolerance || apart >= height * 0.8 || o.From > r.From + Tolerance || o.To < r.To - Tolerance) return false;
                // The other rule is the row's: longer, or with rules beyond the label columns at its height.
                var rowRule = o.From < r.From - Tolerance || o.To > r.To + Tolerance
                    || horizontal.Exists(w => Math.Abs(w.At - o.At) <= Tolerance && (w.From > r.To - Tolerance || w.To < r.From + Tolerance));
                double low = Math.Min(o.At, r.At), high = Math.Max(o.At, r.At);
                return rowRule && !words.Exists(w => w.BoundingBox.Bottom >= low - Tolerance && w.BoundingBox.Top <= high + Tolerance
                    && w.BoundingBox.Right > r.From && w.BoundingBox.Left < r.To);
            });
            if (doubled)
            {
                kept ??= [.. horizontal];
                kept.Remove(r);
            }
        }

        return kept ?? horizontal;
    }

    // Table borders come as thin stroked lines, as thin filled rectangles, or as the edges of
    // stroked outlines: a box drawn round each cell ("x y w h re S"), or a polyline of rules.
    private static (List<Rule> Horizontal, List<Rule> Vertical) Rules(UprightPage page)
    {
        var horizontal = new List<Rule>();
        var vertical = new List<Rule>();
        void Add(PdfRectangle drawn)
        {
            var r = page.Map(drawn);
            if (r.Height <= 2 && r.Width > 8) horizontal.Add(new Rule((r.Top + r.Bottom) / 2, r.Left, r.Right));
            else if (r.Width <= 2 && r.Height > 4) vertical.Add(new Rule((r.Left + r.Right) / 2, r.Bottom, r.Top));
        }

        foreach (var path in page.Page.Paths)
        {
            if (!path.IsStroked && !path.IsFilled) continue;
            foreach (var sub in path)
            {
                if (sub.GetBoundingRectangle() is not { } r) continue;
                if ((r.Height <= 2 && r.Width > 8) || (r.Width <= 2 && r.Height > 4))
                {
                    Add(r);
                    continue;
                }

                // A filled area (a shaded cell) is no rule; a stroked outline's straight edges are.
                if (!path.IsStroked) continue;
                foreach (var (from, to) in Edges(sub)) Add(new PdfRectangle(Math.Min(from.X, to.X), Math.Min(from.Y, to.Y), Math.Max(from.X, to.X), Math.Max(from.Y, to.Y)));
            }
        }

        foreach (var top in (bool[])[true, false])
        {
            // The highest (lowest) end of any rule, and of those on the paper: rules drawn past the page's edge (a
            // portal's side panel that WeasyPrint draws whole and clips) must not hide where the page cut the table.
            var edge = Edge(vertical, top);
            Close(horizontal, vertical, top, edge);
            var onPaper = vertical.Where(v => v.From >= -Tolerance && v.To <= page.Height + Tolerance).ToList();
            if (onPaper.Count > 0 && Edge(onPaper, top) is var inside && Math.Abs(inside - edge) > Tolerance) Close(horizontal, vertical, top, inside);
        }

        return (horizontal, vertical);

        static double Edge(List<Rule> rules, bool top) => rules.Count == 0 ? 0 : top ? rules.Max(v => v.To) : rules.Min(v => v.From);
    }

    /// <summary>
    /// A table a page break cut has its vertical rules run to the top (or bottom) of the page
    /// with no horizontal rule there: a browser draws no border where the page cuts the table.
    /// Where vertical rules end at <paramref name="edge"/>, the highest (lowest) height a rule reaches (PDF points, within the tolerance), the gaps between
    /// neighbouring ones that no horizontal rule closes there (nor one just beyond) are found; a run of
    /// two or more such gaps (three rules) gets a rule across it, not drawn, so that the first row of
    /// the page is a ruled row as it was on the page before.
    /// </summary>
    private static void Close(List<Rule> horizontal, List<Rule> vertical, bool top, double edge)
    {
        if (vertical.Count == 0) return;
        // Only the rules that reach the highest (lowest) end of any rule: a page cuts a table there, never inside it.
        var ends = vertical.Select(v => (At: top ? v.To : v.From, X: v.At)).Where(e => Math.Abs(e.At - edge) <= Tolerance).OrderBy(e => e.At).ToList();
        var added = new List<Rule>();
        for (var i = 0; i < ends.Count;)
        {
            var j = i;
            while (j + 1 < ends.Count && ends[j + 1].At - ends[i].At <= Tolerance) j++;
            var xs = ends.Skip(i).Take(j - i + 1).Select(e => Math.Round(e.X, 1)).Distinct().Order().ToList();
            var y = ends[i].At;
            i = j + 1;
            bool Closed(double middle) => horizontal.Any(h => h.From <= middle && h.To >= middle
                && (Math.Abs(h.At - y) <= Tolerance * 2 || ((top ? h.At > y : h.At < y) && Math.Abs(h.At - y) <= 3)));
            // A run of open gaps: its first and last rule, and how many gaps wider than a double border it spans.
            double from = 0, to = 0;
            var gaps = 0;
            void Flush()
            {
                if (gaps >= 2) added.Add(new Rule(y, from, to, Drawn: false));
                gaps = 0;
            }

            for (var k = 0; k + 1 < xs.Count; k++)
            {
                // Two borders of neighbouring cells (a browser's separate borders) neither open nor close a run.
                if (xs[k + 1] - xs[k] <= 4) continue;
                if (Closed((xs[k] + xs[k + 1]) / 2))
                {
                    Flush();
                    continue;
                }

                if (gaps == 0) from = xs[k];
                to = xs[k + 1];
                gaps++;
            }

            Flush();
        }

        horizontal.AddRange(added);
    }

    // The straight segments of a subpath, the closing one included ("re" is m, l, l, l, h).
    private static IEnumerable<(PdfPoint From, PdfPoint To)> Edges(PdfSubpath sub)
    {
        PdfPoint? start = null;
        PdfPoint? current = null;
        foreach (var command in sub.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    yield return (line.From, line.To);
                    start ??= line.From;
                    current = line.To;
                    break;
                case PdfSubpath.BezierCurve curve:
                    current = curve.EndPoint;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    yield return (c, s);
                    current = s;
                    break;
            }
        }
    }

    /// <summary>
    /// The point that places a word in its cell: its centre, or, when a horizontal rule crosses the
    /// word (more than the tolerance inside its box), a point just above the highest such rule. A
    /// cell's text is set from its top and runs down: a word through a rule is the end of the text
    /// above that overflowed its row (LibreOffice lays a header cell's last line over the rule
    /// where a page break cut the row), never text of the row below, which starts below its padding.
    /// </summary>
    private static PdfPoint Anchor(Word word, List<Rule> horizontal)
    {
        var box = word.BoundingBox;
        var centre = box.Centroid;
        var through = horizontal
            .Where(h => h.At > box.Bottom + Tolerance && h.At < box.Top - Tolerance && centre.X >= h.From - Tolerance && centre.X <= h.To + Tolerance)
            .Select(h => h.At).DefaultIfEmpty(double.NaN).Max();
        return double.IsNaN(through) || through < centre.Y ? centre : new PdfPoint(centre.X, through + Tolerance);
    }

    private static (double, double, double, double)? CellOf(PdfPoint p, List<Rule> horizontal, List<Rule> vertical)
    {
        double top = double.MaxValue, bottom = double.MinValue, left = double.MinValue, right = double.MaxValue;
        foreach (var h in horizontal)
        {
            if (p.X < h.From - Tolerance || p.X > h.To + Tolerance) continue;
            if (h.At > p.Y && h.At < top) top = h.At;
            if (h.At < p.Y && h.At > bottom) bottom = h.At;
        }

        if (top == double.MaxValue || bottom == double.MinValue) return null;
        foreach (var v in vertical)
        {
            if (p.Y < v.From - Tolerance || p.Y > v.To + Tolerance) continue;
            if (v.At < p.X && v.At > left) left = v.At;
            if (v.At > p.X && v.At < right) right = v.At;
        }

        if (left == double.MinValue || right == double.MaxValue) return null;
        return (Math.Round(top, 1), Math.Round(bottom, 1), Math.Round(left, 1), Math.Round(right, 1));
    }

    // A row is a band between two rules that holds no narrower band; a merged (rowspan) cell
    // joins the first row it covers. A cell that holds no word is a blank cell of the row (a
    // browser prints an empty <td> as nothing inside its box) when rules enclose it on four
    // sides, which a merged cell's later rows are not: without it the numbers after it would
    // shift one column left.
    private static IEnumerable<Placed> TableRows(Dictionary<(double Top, double Bottom, double Left, double Right), List<Word>> cells, List<Rule> horizontal, List<Rule> vertical, double height)
    {
        if (cells.Count == 0) yield break;
        // A thick rule is drawn half its width off a thin one at the same border (LibreOffice sets a
        // 0.75 pt border 0.35 pt lower than the 0.1 pt one beside it): bands within the tolerance are one.
        var bands = new List<(double Top, double Bottom)>();
        (double Top, double Bottom) Band((double Top, double Bottom, double Left, double Right) key)
        {
            foreach (var b in bands)
            {
                if (Math.Abs(b.Top - key.Top) <= Tolerance && Math.Abs(b.Bottom - key.Bottom) <= Tolerance) return b;
            }

            bands.Add((key.Top, key.Bottom));
            return bands[^1];
        }

        var bandOf = cells.Keys.ToDictionary(k => k, Band);
        var rows = bands.Where(b => !bands.Any(o => o != b && o.Top <= b.Top + Tolerance && o.Bottom >= b.Bottom - Tolerance)).OrderByDescending(b => b.Top).ToList();
        var byRow = rows.ToDictionary(r => r, _ => new List<Cell>());
        foreach (var (key, words) in cells)
        {
            var band = bandOf[key];
            var row = rows.FirstOrDefault(r => r.Top <= band.Top + Tolerance && r.Bottom >= band.Bottom - Tolerance);
            if (row == default) continue;
            byRow[row].Add(new Cell(key.Left, key.Right, CellText(words, height)));
        }

        foreach (var row in rows)
        {
            var ordered = byRow[row].OrderBy(c => c.Left).ToList();
            ordered.AddRange(BlankCells(row.Top, row.Bottom, ordered, horizontal, vertical));
            ordered = ordered.OrderBy(c => c.Left).ToList();
            // The rules give the row its cells, blank ones included: an empty cell is a blank value.
            var under = horizontal.Where(h => Math.Abs(h.At - row.Bottom) <= Tolerance).ToList();
            yield return new Placed(row.Top, new TableRow(ordered.Select(c => c.Text).ToList(), Exact: true), ordered, Cut: under.Count > 0 && under.All(h => !h.Drawn));
        }
    }

    /// <summary>
    /// The empty cells of a ruled row (band <paramref name="top"/>-<paramref name="bottom"/>, PDF
    /// points): between two vertical rules that cross the whole band, under a horizontal rule at
    /// its top and over one at its bottom, overlapping no cell that holds words.
    /// </summary>
    private static IEnumerable<Cell> BlankCells(double top, double bottom, List<Cell> filled, List<Rule> horizontal, List<Rule> vertical)
    {
        if (filled.Count == 0) yield break;
        var crossing = vertical
            .Where(v => v.From <= bottom + Tolerance && v.To >= top - Tolerance)
            .Select(v => Math.Round(v.At, 1)).Distinct().Order().ToList();
        for (var i = 0; i + 1 < crossing.Count; i++)
        {
            double left = crossing[i], right = crossing[i + 1];
            if (right - left < 2) continue;
            var middle = (left + right) / 2;
            if (filled.Any(c => c.Left < right - Tolerance && left + Tolerance < c.Right)) continue;
            bool Ruled(double at) => horizontal.Any(h => Math.Abs(h.At - at) <= Tolerance && h.From <= middle && h.To >= middle);
            if (Ruled(top) && Ruled(bottom)) yield return new Cell(left, right, "");
        }
    }

    private static string CellText(List<Word> words, double height) =>
        string.Concat(Lines(words, height).Select(line => string.Join(" ", Cells(line, height))));

    // Words whose vertical centres lie within half a line height belong to one line.
    private static IEnumerable<List<Word>> Lines(List<Word> words, double height, bool overprinted = false)
    {
        // A short glyph ("-" for a zero) is as high as the line's middle from where it stands, not its own.
        double Middle(Word w) => w.BoundingBox.Height < height * 0.6 ? w.BoundingBox.Bottom + height / 2 : w.BoundingBox.Centroid.Y;
        var sorted = words.OrderByDescending(Middle).ThenBy(w => w.BoundingBox.Left).ToList();
        var line = new List<Word>();
        var y = double.NaN;
        foreach (var word in sorted)
        {
            var cy = Middle(word);
            if (line.Count > 0 && Math.Abs(cy - y) > height * 0.5)
            {
                foreach (var layer in overprinted ? Layers(line) : [line.OrderBy(w => w.BoundingBox.Left).ToList()]) yield return layer;
                line = [];
            }

            if (line.Count == 0) y = cy;
            line.Add(word);
        }

        if (line.Count > 0)
        {
            foreach (var layer in overprinted ? Layers(line) : [line.OrderBy(w => w.BoundingBox.Left).ToList()]) yield return layer;
        }
    }

    /// <summary>
    /// On a page with a box printed over the body (<see cref="FloatingSize"/>): a line's words, left to right, as one
    /// line; or, where words of the line stand over one another (a title in a floating text box over the body's first
    /// line, as Word and LibreOffice print a box "in front of text"), as several lines, each a set of words that do not
    /// overlap, the highest first. Read as one line, the title's words and the body's alternate ("…要求，编制 | 府信息公开…"),
    /// and the agency was read from the mixture.
    /// </summary>
    private static IEnumerable<List<Word>> Layers(List<Word> line)
    {
        var ordered = line.OrderBy(w => w.BoundingBox.Left).ToList();
        var layers = new List<List<Word>>();
        foreach (var word in ordered)
        {
            var layer = layers.FirstOrDefault(l => l[^1].BoundingBox.Right <= word.BoundingBox.Left + Overprint(l[^1], word));
            if (layer is null) layers.Add([word]);
            else layer.Add(word);
        }

        return layers.Count == 1 ? layers : layers.OrderByDescending(l => l.Max(w => w.BoundingBox.Top));

        // Neighbouring glyphs' boxes may touch or overlap a little (kerning, italics): a third of the narrower
        // word's letter width at most.
        static double Overprint(Word a, Word b) => Math.Min(LetterWidth(a), LetterWidth(b)) / 3;
        static double LetterWidth(Word w) => w.BoundingBox.Width / Math.Max(1, w.Letters.Count);
    }

    /// <summary>
    /// The size above which letters stand in a box printed over the body, or null: letters set half again as large as
    /// the page's usual size, some of them over smaller ones (a title in a floating text box "in front of text", as Word
    /// and LibreOffice print it over the body's first lines).
    /// </summary>
    private static double? FloatingSize(IReadOnlyList<Letter> letters)
    {
        var sizes = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.PointSize > 0).Select(l => l.PointSize).ToList();
        if (sizes.Count == 0) return null;
        var size = Median(sizes) * 1.5;
        var large = letters.Where(l => l.PointSize > size && !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (large.Count == 0) return null;
        var small = letters.Where(l => l.PointSize <= size && !string.IsNullOrWhiteSpace(l.Value)).ToList();
        return large.Any(l => small.Any(s => Over(l.BoundingBox, s.BoundingBox))) ? size : null;

        // The smaller glyph's box a quarter covered by the larger's.
        static bool Over(PdfRectangle a, PdfRectangle b)
        {
            var width = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
            var height = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
            return width > 0 && height > 0 && width * height * 4 > b.Width * b.Height;
        }
    }

    /// <summary>
    /// The page's words. Where a box is printed over the body (<see cref="FloatingSize"/>), the box's letters and the
    /// body's make words apart: PdfPig's nearest-neighbour extractor would chain them into one ("根据《中华涪").
    /// </summary>
    private static IEnumerable<Word> Words(IReadOnlyList<Letter> letters, double? floating) => floating is { } size
        ? NearestNeighbourWordExtractor.Instance.GetWords(letters.Where(l => l.PointSize > size).ToList())
            .Concat(NearestNeighbourWordExtractor.Instance.GetWords(letters.Where(l => l.PointSize <= size).ToList()))
        : NearestNeighbourWordExtractor.Instance.GetWords(letters);

    // Two numbers in neighbouring cells of a narrow table touch ("1,644" against "1,075", a
    // browser's print): the word is cut where a vertical rule passes between its letters.
    private static IEnumerable<Word> AcrossRules(Word word, List<Rule> vertical)
    {
        var letters = word.Letters;
        if (letters.Count < 2) return [word];
        var box = word.BoundingBox;
        var cuts = vertical.Where(v => v.At > box.Left && v.At < box.Right && v.From <= box.Centroid.Y && v.To >= box.Centroid.Y).Select(v => v.At).ToList();
        if (cuts.Count == 0) return [word];
        var pieces = new List<Word>();
        var from = 0;
        for (var i = 1; i < letters.Count; i++)
        {
            double before = letters[i - 1].BoundingBox.Centroid.X, after = letters[i].BoundingBox.Centroid.X;
            if (cuts.Any(at => before < at && at < after))
            {
                pieces.Add(new Word(letters.Skip(from).Take(i - from).ToList()));
                from = i;
            }
        }

        pieces.Add(from == 0 ? word : new Word(letters.Skip(from).ToList()));
        return pieces;
    }

    // Two numbers in neighbouring cells of a narrow table without rules stand a point or two apart
    // ("583" and "4466" 1.85 pt apart in 12 pt type: WeasyPrint sets cells with hardly any padding),
    // and the nearest-neighbour extractor makes them one word, "5834466". The digits of one number
    // follow each other by their advance, no gap at all: a digit more than a tenth of the type's size
    // after the one before (pdftotext breaks words there too) starts a word of its own. So does a
    // number set so after a label's last character ("行政规范性文件" and "０" 1.5 pt apart: the label's
    // cell ends there and the number's begins); within a sentence the two touch ("申请5件").
    private static IEnumerable<Word> AtNumberGaps(Word word)
    {
        var letters = word.Letters;
        var from = 0;
        for (var i = 1; i < letters.Count; i++)
        {
            Letter before = letters[i - 1], after = letters[i];
            if (!(IsNumberPart(before.Value) || IsHan(before.Value)) || !IsDigit(after.Value)) continue;
            var size = Math.Max(before.PointSize, after.PointSize);
            if (size <= 0) continue;
            var gap = after.StartBaseLine.X - before.EndBaseLine.X;
            if (gap > size * 0.1 && after.StartBaseLine.Y is var y && Math.Abs(y - before.StartBaseLine.Y) < size * 0.2)
            {
                yield return new Word(letters.Skip(from).Take(i - from).ToList());
                from = i;
            }
        }

        yield return from == 0 ? word : new Word(letters.Skip(from).ToList());

        static bool IsNumberPart(string value) => value.Length == 1 && (char.IsAsciiDigit(value[0]) || value[0] is '.' or ',');
        static bool IsHan(string value) => value.Length == 1 && value[0] is >= '\u4e00' and <= '\u9fff';
        // A digit, or a mark that stands for nothing ("行政规范性文件" and "-").
        static bool IsDigit(string value) => value.Length == 1 && (char.IsAsciiDigit(value[0]) || value[0] is >= '０' and <= '９' or '-' or '/' or '－' or '／' or '—' or '–');
    }

    // Letters that touch make one word even when one is set twice the size of the other ("概况"
    // of a menu against a title set large): the word is cut where the size changes by half again.
    private static IEnumerable<Word> BySize(Word word)
    {
        var letters = word.Letters;
        var from = 0;
        for (var i = 1; i < letters.Count; i++)
        {
            double a = letters[i - 1].PointSize, b = letters[i].PointSize;
            if (a > 0 && b > 0 && Math.Max(a, b) > 1.5 * Math.Min(a, b))
            {
                yield return new Word(letters.Skip(from).Take(i - from).ToList());
                from = i;
            }
        }

        yield return from == 0 ? word : new Word(letters.Skip(from).ToList());
    }

    // A gap wider than most of a character separates two cells; within a cell CJK runs touch.
    // Type half again as large or small starts a cell of its own: a title set large beside the
    // small print of a page's menu (a browser's print of a portal page) is no word of the menu.
    private static List<string> Cells(List<Word> line, double height)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var right = double.NaN;
        var size = double.NaN;
        foreach (var word in line)
        {
            var wordSize = word.BoundingBox.Height;
            var resized = current.Length > 0 && size > 0 && wordSize > 0 && Math.Max(size, wordSize) > 1.5 * Math.Min(size, wordSize);
            size = wordSize;
            if (current.Length > 0 && (word.BoundingBox.Left - right > height * 0.9 || resized))
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

    /// <summary>
    /// A browser's print heads each page with the time of printing and the page's title, and foots
    /// it with the page's address and "2/3" ("ﬁle:///…", with the ligature): at the page's edge,
    /// they are no part of the report, and a row the page cut goes on past them.
    /// </summary>
    private static bool IsPrintFurniture(List<Word> line, UprightPage page, double height)
    {
        var nearEdge = line[0].BoundingBox.Bottom < height * 5 || line[0].BoundingBox.Top > page.Height - (height * 5);
        if (!nearEdge) return false;
        var text = string.Join(" ", line.Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormKC);
        return PlainTextLayout.PageAddress().IsMatch(text) || PlainTextLayout.PageAddressAlone().IsMatch(text) || PlainTextLayout.PrintedAt().IsMatch(text);
    }

    /// <summary>
    /// The page's words without its page number when it stands in the margin further from the edge
    /// than five lines of the page's type: a page set mostly in a small table (7.5 pt type, 5 pt lines)
    /// numbered "-4-" in 13 pt type 40 pt above the foot, as WPS prints a 公文 (GB/T 9704 sets the
    /// number under the body, in the outer eighth of the page). The outermost words (those whose
    /// height overlaps the word nearest the edge, so "-", "4" and "-" on baselines of their own are
    /// one) are the number when nothing of the page lies beyond them, they lie in the outer eighth,
    /// they are set close (no wider than eight of their characters, so no row of a table), and they
    /// read as a number marked as one ("-4-", "— 4 —", "第4页", "4/6", as text layouts' page numbers are
    /// known), or as bare digits outside any ruled cell and any column of numbers (a cell of a table cut by
    /// the page, "9" at a page's head, stays a cell). At the head of a page that goes on with a table the page before's
    /// foot cut (<paramref name="continued"/>), a column reaches four lines down, not two and a half: the row under the end
    /// of a wrapped number ("7" under "1,85" at the foot before) may be centred on a label of two lines.
    /// </summary>
    private static List<Word> WithoutMarginPageNumbers(List<Word> words, UprightPage page, double height, List<Rule> horizontal, List<Rule> vertical, bool continued)
    {
        var band = page.Height / 8;
        var outer = new HashSet<Word>();
        foreach (var foot in new[] { true, false })
        {
            var edge = foot ? words.MinBy(w => w.BoundingBox.Bottom)! : words.MaxBy(w => w.BoundingBox.Top)!;
            var near = foot ? edge.BoundingBox.Bottom < band : edge.BoundingBox.Top > page.Height - band;
            if (!near || (foot ? edge.BoundingBox.Bottom < height * 5 : edge.BoundingBox.Top > page.Height - (height * 5))) continue;
            var group = words.Where(w => w.BoundingBox.Bottom <= edge.BoundingBox.Top && w.BoundingBox.Top >= edge.BoundingBox.Bottom).OrderBy(w => w.BoundingBox.Left).ToList();
            var rest = words.Except(group);
            var beyond = foot ? rest.Any(w => w.BoundingBox.Top <= group.Max(g => g.BoundingBox.Top)) : rest.Any(w => w.BoundingBox.Bottom >= group.Min(g => g.BoundingBox.Bottom));
            if (beyond) continue;
            var text = string.Concat(group.Select(w => w.Text)).Replace(" ", "", StringComparison.Ordinal);
            var size = group.Max(w => w.Letters.Count == 0 ? height : w.Letters.Max(l => l.PointSize));
            var compact = group[^1].BoundingBox.Right - group[0].BoundingBox.Left <= size * 8;
            var marked = PlainTextLayout.PageNumber().IsMatch(text);
            var reach = continued && !foot ? ContinuedColumnReach : 2.5;
            var bare = text.Length is > 0 and <= 4 && text.All(char.IsAsciiDigit) && group.All(w => CellOf(Anchor(w, horizontal), horizontal, vertical) is null)
                && !group.Any(g => rest.Any(w => InColumn(g, w, reach)));
            if (compact && (marked || bare)) outer.UnionWith(group);
        }

        return outer.Count == 0 ? words : words.Where(w => !outer.Contains(w)).ToList();

        // A number within two lines above or below, overlapping it across: bare digits in a column of a table without
        // rules, the end of a number its narrow cell wrapped ("3" at a page's head, over the row under "2,49" cut
        // at the foot of the page before), not the page's number.
        bool InColumn(Word digits, Word other, double lines) =>
            CountCell.Classify(other.Text) == CellKind.Number
            && other.BoundingBox.Left < digits.BoundingBox.Right && digits.BoundingBox.Left < other.BoundingBox.Right
            && Math.Abs(other.BoundingBox.Centroid.Y - digits.BoundingBox.Centroid.Y) < height * lines;
    }

    // How many lines below bare digits at the head of a page that goes on with a cut table a number keeps them a cell.
    private const double ContinuedColumnReach = 4;

    private static bool IsPageNumber(List<Word> line, UprightPage page, double height)
    {
        var text = string.Concat(line.Select(w => w.Text)).Trim('-', '—', ' ', '第', '页');
        var nearEdge = line[0].BoundingBox.Bottom < height * 5 || line[0].BoundingBox.Top > page.Height - (height * 5);
        return nearEdge && text.Length <= 4 && text.All(char.IsDigit);
    }

    /// <summary>
    /// The height of a line of the page's body text (PDF points): the median height of its words.
    /// Some fonts give glyph boxes a height near zero (Chromium's prints of a CJK font whose glyphs
    /// PdfPig cannot measure: "政府信息公开" 0.3 pt high in 9 pt type); where the median is under half the
    /// median type size, four fifths of the type size stand for it, the height of a CJK glyph.
    /// </summary>
    private static double LineHeight(List<Word> words)
    {
        var height = Median(words.Select(w => w.BoundingBox.Height));
        var size = Median(words.Select(w => w.Letters.Count == 0 ? 0 : w.Letters.Max(l => l.PointSize)));
        return height < size * 0.5 ? size * 0.8 : height;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => v > 0).OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 10 : sorted[sorted.Count / 2];
    }
}
