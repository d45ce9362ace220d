using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using V = DocumentFormat.OpenXml.Vml;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// A Word attachment: the template's tables with merged cells (gridSpan, vMerge), the
/// application table sometimes split in two by a page break, the title sometimes in a text box.
/// </summary>
public static class DocxRenderer
{
    /// <param name="forPdf">A PDF has no empty cells to read, so zeros are always written.</param>
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng, bool forPdf)
    {
        var numbers = new NumberStyle(rng, blanks: !forPdf, fullWidth: false, leadingSpace: false);
        var titleInBox = !forPdf && rng.NextDouble() < 0.3;
        var split = rng.NextDouble() < 0.4;
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            // A fixed relationship id: AddMainDocumentPart draws a random one, and the corpus is byte-for-byte repeatable.
            var main = doc.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            var body = new Body();
            foreach (var part in parts)
            {
                switch (part)
                {
                    case TitlePart t when titleInBox:
                        body.Append(TextBox(t.Text));
                        break;
                    case TitlePart t:
                        body.Append(Para(t.Text, bold: true, size: 36, center: true));
                        break;
                    case HeadingPart h:
                        body.Append(Para(h.Text, bold: true));
                        break;
                    case ParagraphPart p:
                        body.Append(Para(p.Text));
                        break;
                    case TablePart table when split && table.Grid.Name == Tables.ApplicationsName:
                        var cut = 8 + rng.Next(10);
                        body.Append(Table(table.Grid, numbers, 0, cut));
                        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                        body.Append(Table(table.Grid, numbers, cut, table.Grid.Rows.Count));
                        break;
                    case TablePart table:
                        body.Append(Table(table.Grid, numbers, 0, table.Grid.Rows.Count));
                        break;
                    case ClosingPart c:
                        body.Append(Para(c.Agency, right: true));
                        body.Append(Para(c.Date, right: true));
                        break;
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1200, Right = 1200, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return Repeatable(buffer.ToArray());
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
        var runProps = new RunProperties(new RunFonts { EastAsia = "Noto Sans CJK SC", Ascii = "Noto Sans CJK SC", HighAnsi = "Noto Sans CJK SC" });
        if (bold) runProps.Append(new Bold());
        if (size > 0) runProps.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(props, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    // A VML text box, as portals' Word templates put the title in one.
    private static Paragraph TextBox(string text) =>
        new(new Run(new Picture(new V.Shape(
            new V.TextBox(new TextBoxContent(Para(text, bold: true, size: 36, center: true))))
        {
            Id = "TitleBox",
            Style = "position:absolute;margin-left:0;margin-top:0;width:420pt;height:60pt;z-index:1",
        })));

    private static Table Table(Grid grid, NumberStyle numbers, int fromRow, int toRow)
    {
        var layout = grid.Layout();
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            // The schema's order: top, left, bottom, right, insideH, insideV.
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        var columnWidth = 9500 / grid.Columns;
        table.Append(new TableGrid(Enumerable.Range(0, grid.Columns).Select(_ => new GridColumn { Width = columnWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        for (var r = fromRow; r < toRow; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                if (slot.Column < c) continue;
                var origin = slot.Row == r || r == fromRow;
                var props = new TableCellProperties(new TableCellWidth { Width = (columnWidth * slot.Cell.ColSpan).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (slot.Cell.ColSpan > 1) props.Append(new GridSpan { Val = slot.Cell.ColSpan });
                if (slot.Cell.RowSpan > 1 && slot.Row + slot.Cell.RowSpan > fromRow)
                {
                    props.Append(new VerticalMerge { Val = origin ? MergedCellValues.Restart : MergedCellValues.Continue });
                }

                props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                var text = slot.Row != r ? "" : slot.Cell.IsNumber ? numbers.Format(slot.Cell.Value!.Value) : slot.Cell.Text;
                row.Append(new TableCell(props, Para(text, center: slot.Cell.IsNumber)));
            }

            table.Append(row);
        }

        return table;
    }
}
