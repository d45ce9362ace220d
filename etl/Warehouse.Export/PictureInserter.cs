using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Warehouse.Export;

/// <summary>
/// Adds the chart PNGs to a saved workbook with the Open XML SDK. ClosedXML 0.95.4 reads a
/// picture's size through System.Drawing, which needs libgdiplus on Linux; the SDK needs
/// nothing but the bytes, and the size is known (the renderer chose it).
/// </summary>
public static class PictureInserter
{
    private const long EmuPerPixel = 9525;

    // Elements a worksheet's <drawing> must precede (ECMA-376 part 1, CT_Worksheet's sequence).
    private static readonly HashSet<Type> AfterDrawing =
    [
        typeof(LegacyDrawing), typeof(LegacyDrawingHeaderFooter), typeof(DrawingHeaderFooter), typeof(Picture),
        typeof(OleObjects), typeof(Controls), typeof(WebPublishItems), typeof(TableParts), typeof(WorksheetExtensionList),
    ];

    public static void Insert(string path, IReadOnlyList<WorkbookWriter.ChartPlacement> charts, int width, int height)
    {
        if (charts.Count == 0) return;
        using var doc = SpreadsheetDocument.Open(path, isEditable: true);
        var workbook = doc.WorkbookPart ?? throw new InvalidOperationException($"{path} has no workbook part.");
        uint id = 1;
        foreach (var chart in charts)
        {
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name?.Value == chart.SheetName);
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var drawings = part.DrawingsPart ?? AddDrawings(part);
            var image = drawings.AddImagePart(ImagePartType.Png);
            using (var stream = new MemoryStream(chart.Png)) image.FeedData(stream);
            var (cx, cy) = (width * EmuPerPixel, height * EmuPerPixel);
            id++;
            drawings.WorksheetDrawing!.Append(new Xdr.OneCellAnchor(
                new Xdr.FromMarker(
                    new Xdr.ColumnId(chart.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Xdr.ColumnOffset("0"),
                    new Xdr.RowId(chart.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Xdr.RowOffset("0")),
                new Xdr.Extent { Cx = cx, Cy = cy },
                new Xdr.Picture(
                    new Xdr.NonVisualPictureProperties(
                        new Xdr.NonVisualDrawingProperties { Id = id, Name = $"Chart {id - 1}", Description = $"{chart.SheetName} chart" },
                        new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                    new Xdr.BlipFill(new A.Blip { Embed = drawings.GetIdOfPart(image) }, new A.Stretch(new A.FillRectangle())),
                    new Xdr.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
                new Xdr.ClientData()));
            drawings.WorksheetDrawing.Save();
        }

        workbook.Workbook.Save();
    }

    private static DrawingsPart AddDrawings(WorksheetPart part)
    {
        var drawings = part.AddNewPart<DrawingsPart>();
        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing();
        drawings.WorksheetDrawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawings.WorksheetDrawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        var drawing = new Drawing { Id = part.GetIdOfPart(drawings) };
        var worksheet = part.Worksheet;
        var before = worksheet.ChildElements.FirstOrDefault(e => AfterDrawing.Contains(e.GetType()));
        if (before is null) worksheet.Append(drawing);
        else worksheet.InsertBefore(drawing, before);
        worksheet.Save();
        return drawings;
    }
}
