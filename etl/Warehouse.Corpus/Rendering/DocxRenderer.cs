using Warehouse.Core;
using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using V = DocumentFormat.OpenXml.Vml;

namespace Warehouse.Corpus.Rendering;

/// <summary>The Word documents the DOCX-based layouts are made of.</summary>
public enum DocxKind
{
    /// <summary>The <c>docx</c> layout.</summary>
    Plain,

    /// <summary>The DOCX of the <c>pdf</c> layout: no blank cells, except from an office that types no zeros (every zero blank, <see cref="CorpusWriter.NoZerosTyped"/>); in half of them table 三's label columns wide, so that numbers wrap in their narrow cells and rows break across pages.</summary>
    ForPdf,

    /// <summary>The DOCX of the <c>text-pdftotext</c> layout: page numbers in the footer, label columns narrow or wide.</summary>
    ForPdftotext,

    /// <summary>The <c>docx-edited</c> layout: a frame table, content-control prompts, a tracked move.</summary>
    Edited,

    /// <summary>
    /// The DOCX of the <c>pdf-unruled</c> layout: tables set to "no border" (Word's and WPS's 无框线), blank cells
    /// left blank, label columns narrow or wide as in <see cref="ForPdf"/>.
    /// </summary>
    Unruled,

    /// <summary>
    /// The DOCX of the <c>text-libreoffice</c> layout: the title never in a text box (a text export drops it), in some a
    /// frame table or content-control prompts, never a tracked change (a text export writes both the deleted and the
    /// inserted text).
    /// </summary>
    ForText,
}

/// <summary>
/// A Word attachment: the template's tables with merged cells (gridSpan, vMerge), the
/// application table sometimes split in two by a page break, the title sometimes in a text box.
/// </summary>
public static class DocxRenderer
{
    /// <summary>Word's prompt in an empty content control.</summary>
    public const string PlaceholderPrompt = "单击或点击此处输入文字。";

    /// <param name="forPdf">A PDF has no empty cells to read, so zeros are always written.</param>
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng, bool forPdf) =>
        Render(parts, rng, forPdf ? DocxKind.ForPdf : DocxKind.Plain, Quirks.None);

    /// <param name="parts">The report's parts, in order.</param>
    /// <param name="rng">The rendering's draws.</param>
    /// <param name="kind">Which layout's DOCX.</param>
    /// <param name="quirks">The report's quirks (labels, titles, units).</param>
    /// <param name="blankCounts">
    /// The zeros of tables 二 and 三, and of table 四 when it holds only zeros, left blank, one in ten
    /// (<see cref="NumberStyle.Blanks"/>), as offices type them: a PDF of the DOCX then holds nothing in those cells, and
    /// only its columns (or, for table 四, its sums) tell which cells they were.
    /// </param>
    /// <param name="noZeros">Every zero of every table left blank (<see cref="NumberStyle.NoZeros"/>): an office that types no zeros.</param>
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng, DocxKind kind, Quirks quirks, bool blankCounts = false, bool noZeros = false)
    {
        var forPdf = kind is DocxKind.ForPdf or DocxKind.ForPdftotext or DocxKind.Unruled;
        // Without rules a blank cell is nothing on the page: the columns alone tell which cell it was.
        var blanks = !forPdf || kind == DocxKind.Unruled;
        var numbers = new NumberStyle(rng, blanks, fullWidth: false, leadingSpace: false) { NoZeros = noZeros };
        // In the PDF, one in five: the box is printed in front of the body's first lines, as Word and LibreOffice print
        // a text box without wrapping, so the title's letters stand over the body's (and pdftotext -layout sets the box's
        // lines among the preamble's).
        var titleInBox = kind is DocxKind.ForPdf or DocxKind.ForPdftotext ? rng.NextDouble() < 0.2 : !forPdf && rng.NextDouble() < 0.3 && kind != DocxKind.ForText;
        var split = rng.NextDouble() < 0.4;
        var extras = kind is DocxKind.Plain or DocxKind.ForPdf or DocxKind.Unruled ? null : new Extras(kind, new Random(rng.Next()), quirks);
        // Wide label columns leave the numbers narrow cells: "2,229" wraps as "2,22" over "9", and a
        // row cut by a page break goes on at the head of the next page.
        var pdfLabels = kind is DocxKind.ForPdf or DocxKind.Unruled && rng.NextDouble() < 0.5 ? (int[])[1000, 1400, 2200] : null;
        // Word's "repeat as header row": table 三's heading again at the head of each page it runs on.
        var repeatHeading = pdfLabels is not null && rng.NextDouble() < 0.5;
        // Cells with borders of their own, thicker round the numbers than round the labels (a table pasted
        // from a web page keeps each cell's border): LibreOffice draws a thick rule half its width off the
        // thin one it meets, so one row's cells end a fraction of a point apart.
        var thickNumbers = kind == DocxKind.ForPdf && rng.NextDouble() < 0.3;
        if (extras is not null)
        {
            titleInBox &= !extras.Frame;
            split &= kind == DocxKind.ForPdftotext;
        }

        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            // A fixed relationship id: AddMainDocumentPart draws a random one, and the corpus is byte-for-byte repeatable.
            var main = doc.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            var body = new Body();
            var content = new List<OpenXmlElement>();
            foreach (var part in parts)
            {
                switch (part)
                {
                    case TitlePart t when titleInBox:
                        content.Add(TextBox(t.Lines));
                        break;
                    case TitlePart t:
                        content.AddRange(t.Lines.Select(line => Para(line, bold: true, size: 36, center: true)));
                        break;
                    case HeadingPart h:
                        content.Add(Para(h.Text, bold: true));
                        break;
                    case ParagraphPart p:
                        content.Add(Para(p.Text));
                        break;
                    case TablePart table when split && table.Grid.Name == Tables.ApplicationsName:
                        var cut = 8 + rng.Next(10);
                        numbers.Blanks |= blankCounts;
                        content.Add(Table(table.Grid, numbers, 0, cut, extras, pdfLabels, repeatHeading, kind == DocxKind.Unruled, thickNumbers));
                        content.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                        content.Add(Table(table.Grid, numbers, cut, table.Grid.Rows.Count, extras, pdfLabels, repeatHeading, kind == DocxKind.Unruled, thickNumbers));
                        numbers.Blanks = blanks;
                        break;
                    case TablePart table:
                        // Table 四 is left blank where it holds nothing but zeros (an office without reviews or suits): in
                        // a table with counts, the stacked column headings place a row's cells only where pdftotext
                        // sets them true to the numbers, and many pages it does not.
                        numbers.Blanks |= blankCounts && (table.Grid.Name != Tables.ReviewName
                            || (table.Grid.Name == Tables.ReviewName && table.Grid.Rows.SelectMany(r => r).All(c => c.Value is null or 0)));
                        content.Add(Table(table.Grid, numbers, 0, table.Grid.Rows.Count, extras, pdfLabels, repeatHeading, kind == DocxKind.Unruled, thickNumbers));
                        numbers.Blanks = blanks;
                        break;
                    case ClosingPart c:
                        content.Add(Para(c.Agency, right: true));
                        content.Add(Para(c.Date, right: true));
                        break;
                }
            }

            if (extras?.Frame == true) content = Framed(content, extras.TitleOutsideFrame);
            body.Append(content);
            var section = new SectionProperties();
            // Most offices number their pages, in type larger than the tables' ("-4-" in 13 pt, as WPS sets a
            // 公文): drawn last, so that the rest of the document is drawn as before.
            var pageNumber = extras?.Footer == true ? ("- ", " -", 0)
                : kind is DocxKind.ForPdf or DocxKind.Unruled ? rng.NextDouble() switch
                {
                    < 0.2 => ("-", "-", 26),
                    < 0.35 => ("- ", " -", 0),
                    < 0.5 => ("第", "页", 24),
                    _ => ((string, string, int)?)null,
                }
                : null;
            if (pageNumber is var (before, after, size))
            {
                var footer = main.AddNewPart<FooterPart>("rIdFooter1");
                footer.Footer = PageNumberFooter(before, after, size);
                section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter1" });
            }

            section.Append(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1200, Right = 1200, Header = 851U, Footer = 992U, Gutter = 0U });
            body.Append(section);
            main.Document = new Document(body);
            main.Document.Save();
        }

        return Repeatable(buffer.ToArray());
    }

    /// <summary>What the DOCX kinds beyond the original two add, drawn once per document.</summary>
    private sealed class Extras
    {
        public Extras(DocxKind kind, Random rng, Quirks quirks)
        {
            Rng = rng;
            People = quirks.PeopleNumbers ? new PeopleNumberStyle(rng, blanks: kind == DocxKind.Edited, fullWidth: kind == DocxKind.Edited, chineseZeros: kind == DocxKind.Edited) : null;
            if (kind == DocxKind.ForPdftotext)
            {
                Footer = rng.NextDouble() < 0.6;
                LabelWidths = rng.NextDouble() switch { < 0.4 => [500, 800, 1300], < 0.7 => [1000, 1400, 2200], _ => null };
                return;
            }

            if (kind == DocxKind.ForText)
            {
                Frame = rng.NextDouble() < 0.3;
                Placeholders = rng.NextDouble() < 0.5;
                TitleOutsideFrame = rng.NextDouble() < 0.4;
                return;
            }

            // At least one of the three in every document.
            var which = rng.Next(7) + 1;
            Frame = (which & 1) != 0;
            Placeholders = (which & 2) != 0;
            Move = (which & 4) != 0 ? (rng.NextDouble() < 0.5 ? "total_processed" : "carried_over") : null;
            TitleOutsideFrame = rng.NextDouble() < 0.4;
            MovedColumn = rng.Next(ApplicantTypes.Count);
            MoveDelta = 1 + rng.Next(3);
        }

        public Random Rng { get; }

        public PeopleNumberStyle? People { get; }

        public bool Footer { get; }

        /// <summary>Widths (twips) of table 三's three label columns; null for the even widths of the original layouts.</summary>
        public int[]? LabelWidths { get; }

        public bool Frame { get; }

        public bool TitleOutsideFrame { get; }

        public bool Placeholders { get; }

        /// <summary>The row of table 三 moved with Track Changes: total_processed below carried_forward, or carried_over above new_received.</summary>
        public string? Move { get; }

        public int MovedColumn { get; }

        public int MoveDelta { get; }

        private int _revision = 100;

        public string NextId() => (_revision++).ToString(CultureInfo.InvariantCulture);
    }

    private static readonly DateTimeOffset Stamp = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);

    // The package stamps each zip entry with the time of saving; the same report must give the same bytes.
    private static byte[] Repeatable(byte[] package)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    private static Paragraph Para(string text, bool bold = false, int size = 0, bool center = false, bool right = false)
    {
        var props = new ParagraphProperties();
        if (center || right) props.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        return new Paragraph(props, TextRun(text, bold, size));
    }

    private static Run TextRun(string text, bool bold = false, int size = 0) => new(RunProps(bold, size), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static RunProperties RunProps(bool bold = false, int size = 0)
    {
        var runProps = new RunProperties(new RunFonts { EastAsia = "Noto Sans CJK SC", Ascii = "Noto Sans CJK SC", HighAnsi = "Noto Sans CJK SC" });
        if (bold) runProps.Append(new Bold());
        if (size > 0) runProps.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return runProps;
    }

    // A VML text box, as portals' Word templates put the title in one.
    private static Paragraph TextBox(IReadOnlyList<string> lines) =>
        new(new Run(new Picture(new V.Shape(
            new V.TextBox(new TextBoxContent(lines.Select(line => Para(line, bold: true, size: 36, center: true)))))
        {
            Id = "TitleBox",
            Style = "position:absolute;margin-left:0;margin-top:0;width:420pt;height:60pt;z-index:1",
        })));

    // "- 3 -", "-3-", "第3页": a PAGE field, so that the number lands wherever a page ends, inside tables too.
    // Size in half-points (0: the document's own).
    private static Footer PageNumberFooter(string before, string after, int size) =>
        new(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            TextRun(before, size: size),
            new SimpleField(new Run(RunProps(size: size), new Text("1"))) { Instruction = " PAGE " },
            TextRun(after, size: size)));

    // OA 红头 templates: the whole document inside one cell of a double-bordered table.
    private static List<OpenXmlElement> Framed(List<OpenXmlElement> content, bool titleOutside)
    {
        var outside = titleOutside ? content.TakeWhile(e => e is Paragraph p && p.Descendants<Bold>().Any() && p.Descendants<Justification>().Any()).ToList() : [];
        var inside = content.Skip(outside.Count).ToList();
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = "9500", Type = TableWidthUnitValues.Dxa }));
        cell.Append(inside);
        // A cell ends with a paragraph, also after a nested table.
        cell.Append(new Paragraph());
        var frame = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Double, Size = 6 },
                    new LeftBorder { Val = BorderValues.Double, Size = 6 },
                    new BottomBorder { Val = BorderValues.Double, Size = 6 },
                    new RightBorder { Val = BorderValues.Double, Size = 6 })),
            new TableGrid(new GridColumn { Width = "9500" }),
            new TableRow(cell));
        return [.. outside, frame, new Paragraph()];
    }

    private static Table Table(Grid grid, NumberStyle numbers, int fromRow, int toRow, Extras? extras, int[]? labelWidths = null, bool repeatHeading = false, bool unruled = false, bool thickNumbers = false)
    {
        var layout = grid.Layout();
        var line = unruled ? BorderValues.Nil : BorderValues.Single;
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            // The schema's order: top, left, bottom, right, insideH, insideV.
            new TableBorders(
                new TopBorder { Val = line, Size = 4 },
                new LeftBorder { Val = line, Size = 4 },
                new BottomBorder { Val = line, Size = 4 },
                new RightBorder { Val = line, Size = 4 },
                new InsideHorizontalBorder { Val = line, Size = 4 },
                new InsideVerticalBorder { Val = line, Size = 4 })));
        var widths = Widths(grid, extras?.LabelWidths ?? labelWidths);
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        var move = grid.Name == Tables.ApplicationsName ? extras?.Move : null;

        // Every cell's text first, in reading order (the number style draws in that order).
        var texts = new Dictionary<(int Row, int Column), string>();
        for (var r = fromRow; r < toRow; r++)
        {
            for (var c = 0; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                if (slot.Column < c) continue;
                texts[(r, c)] = slot.Row != r ? "" : slot.Cell.IsNumber ? Number(slot.Cell, numbers, extras) : slot.Cell.Text;
            }
        }

        var rows = new List<TableRow>();
        TableRow? movedTo = null;
        // LibreOffice lays a header cell merged over two rows out of place when a page break
        // falls inside it (its text over the next row's, no rules): a PDF no office would publish.
        // Table 四 is kept on one page where rows may break across pages.
        var whole = labelWidths is not null && grid.Name == Tables.ReviewName;
        for (var r = fromRow; r < toRow; r++)
        {
            // Word repeats only rows at the table's top.
            var heading = repeatHeading && grid.Name == Tables.ApplicationsName && fromRow == 0 && Enumerable.Range(0, r + 1).All(i => Heading(layout, grid, i));
            var row = whole ? new TableRow(new TableRowProperties(new CantSplit()))
                : heading ? new TableRow(new TableRowProperties(new TableHeader()))
                : new TableRow();
            var stale = move is not null && grid.KeyOf(r) == move;
            for (var c = 0; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                if (slot.Column < c) continue;
                var origin = slot.Row == r || r == fromRow;
                var width = widths.Skip(c).Take(slot.Cell.ColSpan).Sum();
                var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (slot.Cell.ColSpan > 1) props.Append(new GridSpan { Val = slot.Cell.ColSpan });
                if (slot.Cell.RowSpan > 1 && slot.Row + slot.Cell.RowSpan > fromRow)
                {
                    props.Append(new VerticalMerge { Val = origin ? MergedCellValues.Restart : MergedCellValues.Continue });
                }

                if (thickNumbers && slot.Cell.IsNumber)
                {
                    // 1.5 pt (w:sz is in eighths of a point) against the table's 0.5 pt.
                    props.Append(new TableCellBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 12 },
                        new LeftBorder { Val = BorderValues.Single, Size = 12 },
                        new BottomBorder { Val = BorderValues.Single, Size = 12 },
                        new RightBorder { Val = BorderValues.Single, Size = 12 }));
                }

                props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                var text = texts[(r, c)];
                if (stale && slot.Cell.IsNumber && c - (grid.Columns - ApplicantTypes.Count) == extras!.MovedColumn)
                {
                    // The copy left behind still holds the number before it was corrected.
                    text = Stale(slot.Cell, extras);
                }

                var cell = new TableCell(props);
                if (extras?.Placeholders == true && slot.Row == r && slot.Cell.IsNumber && text.Length == 0) cell.Append(Placeholder());
                else if (whole && r < toRow - 1)
                {
                    var paragraph = Para(text, center: slot.Cell.IsNumber);
                    paragraph.ParagraphProperties!.PrependChild(new KeepNext());
                    cell.Append(paragraph);
                }
                else cell.Append(Para(text, center: slot.Cell.IsNumber));
                row.Append(cell);
            }

            if (stale)
            {
                movedTo = MovedCopy(grid, layout, r, texts, widths, extras!);
                MarkMovedFrom(row, extras!);
            }

            rows.Add(row);
        }

        if (movedTo is not null)
        {
            // total_processed goes below carried_forward (docx-tracked-move); carried_over above new_received.
            var anchor = move == "total_processed" ? grid.Keys.ToList().IndexOf("carried_forward") + 1 : grid.Keys.ToList().IndexOf("new_received");
            rows.Insert(anchor - fromRow, movedTo);
        }

        table.Append(rows);
        return table;
    }

    // A row of the table's heading: no number starts in it.
    private static bool Heading(Slot[,] layout, Grid grid, int r) =>
        !Enumerable.Range(0, grid.Columns).Any(c => layout[r, c].Cell.IsNumber && layout[r, c].Row == r);

    private static string Stale(GridCell cell, Extras extras) => (cell.Value!.Value + extras.MoveDelta).ToString(CultureInfo.InvariantCulture);

    private static int[] Widths(Grid grid, int[]? labelWidths)
    {
        if (grid.Name == Tables.ApplicationsName && labelWidths is { } labels)
        {
            var value = (9500 - labels.Sum()) / ApplicantTypes.Count;
            return [.. labels, .. Enumerable.Repeat(value, ApplicantTypes.Count)];
        }

        var columnWidth = 9500 / grid.Columns;
        return Enumerable.Repeat(columnWidth, grid.Columns).ToArray();
    }

    private static string Number(GridCell cell, NumberStyle numbers, Extras? extras)
    {
        if (cell.Printed is { } printed) return printed;
        var text = extras?.People is { } people ? people.Format(cell.Value!.Value, cell.Unit) : numbers.Format(cell.Value!.Value);
        // Offices leave some zeros for the form's prompt to show.
        return extras?.Placeholders == true && cell.Value == 0 && extras.Rng.NextDouble() < 0.3 ? "" : text;
    }

    // A content control still showing Word's prompt: the cell reads as blank.
    private static SdtBlock Placeholder() =>
        new(
            new SdtProperties(new ShowingPlaceholder(), new SdtContentText()),
            new SdtContentBlock(new Paragraph(new Run(
                new RunProperties(new Color { Val = "808080" }),
                new Text(PlaceholderPrompt)))));

    // Word keeps a moved row twice: the moved-from copy (deleted) where it was, the moved-to copy (inserted) where it went.
    private static void MarkMovedFrom(TableRow row, Extras extras)
    {
        row.PrependChild(new TableRowProperties(new Deleted { Id = extras.NextId(), Author = "审核人", Date = Stamp.UtcDateTime }));
        foreach (var paragraph in row.Descendants<Paragraph>().ToList())
        {
            var runs = paragraph.Elements<Run>().ToList();
            if (runs.Count == 0) continue;
            foreach (var run in runs) run.Remove();
            paragraph.Append(new MoveFromRun(runs) { Id = extras.NextId(), Author = "审核人", Date = Stamp.UtcDateTime });
        }
    }

    // The displayed copy: the row's label across the label columns, its numbers, one of them corrected (w:del the old, w:ins the new).
    private static TableRow MovedCopy(Grid grid, Slot[,] layout, int r, Dictionary<(int Row, int Column), string> texts, int[] widths, Extras extras)
    {
        var row = new TableRow(new TableRowProperties(new Inserted { Id = extras.NextId(), Author = "审核人", Date = Stamp.UtcDateTime }));
        var labelColumns = grid.Columns - ApplicantTypes.Count;
        var label = layout[r, labelColumns - 1].Cell.Text;
        row.Append(new TableCell(
            new TableCellProperties(new TableCellWidth { Width = widths.Take(labelColumns).Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, new GridSpan { Val = labelColumns }),
            MovedParagraph(extras, [TextRun(label)])));
        for (var k = 0; k < ApplicantTypes.Count; k++)
        {
            var c = labelColumns + k;
            var text = texts[(r, c)];
            var props = new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (k != extras.MovedColumn)
            {
                row.Append(new TableCell(props, MovedParagraph(extras, [TextRun(text)], center: true)));
                continue;
            }

            var deleted = new DeletedRun(new Run(RunProps(), new DeletedText(Stale(layout[r, c].Cell, extras)) { Space = SpaceProcessingModeValues.Preserve })) { Id = extras.NextId(), Author = "审核人", Date = Stamp.UtcDateTime };
            var inserted = new InsertedRun(TextRun(text.Length == 0 ? "0" : text)) { Id = extras.NextId(), Author = "审核人", Date = Stamp.UtcDateTime };
            row.Append(new TableCell(props, MovedParagraph(extras, [deleted, inserted], center: true)));
        }

        return row;
    }

    private static Paragraph MovedParagraph(Extras extras, OpenXmlElement[] runs, bool center = false)
    {
        var props = new ParagraphProperties();
        if (center) props.Append(new Justification { Val = JustificationValues.Center });
        var moveTo = new MoveToRun { Id = extras.NextId(), Author = "审核人", Date = Stamp.UtcDateTime };
        moveTo.Append(runs);
        return new Paragraph(props, moveTo);
    }
}
