using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Export.Tests;

/// <summary>
/// Reads exported workbooks with the Open XML SDK. (ClosedXML 0.95.4 cannot load a workbook
/// with pictures on Linux without libgdiplus; the SDK needs nothing.)
/// </summary>
internal static partial class Workbooks
{
    public sealed record TableRange(string Sheet, string Name, int FirstRow, int FirstColumn, int LastRow, int LastColumn, string Reference);

    public static WorksheetPart Sheet(SpreadsheetDocument doc, string name)
    {
        var workbook = doc.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)workbook.GetPartById(sheet.Id!);
    }

    public static TableRange Table(string path, string sheet, string name)
    {
        using var doc = SpreadsheetDocument.Open(path, isEditable: false);
        var table = Sheet(doc, sheet).TableDefinitionParts.Select(t => t.Table).Single(t => t.Name == name);
        var reference = table.Reference!.Value!;
        var m = RangePattern().Match(reference);
        return new TableRange(sheet, name, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Column(m.Groups[1].Value), int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), Column(m.Groups[3].Value), reference);
    }

    /// <summary>The formulas of a sheet's conditional formats.</summary>
    public static List<string> ConditionalFormulas(string path, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(path, isEditable: false);
        return Sheet(doc, sheet).Worksheet.Descendants<Formula>().Select(f => f.Text).ToList();
    }

    /// <summary>The text of every cell of a sheet, in document order.</summary>
    public static List<string> Cells(string path, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(path, isEditable: false);
        var strings = doc.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return Sheet(doc, sheet).Worksheet.Descendants<Cell>()
            .Select(x => x.DataType?.Value == CellValues.SharedString && x.CellValue is { } v ? strings[int.Parse(v.Text, System.Globalization.CultureInfo.InvariantCulture)] : x.InnerText)
            .ToList();
    }

    /// <summary>The data rows of a sheet's Excel table, each by its header: the cell's text as stored (numbers unformatted).</summary>
    public static List<Dictionary<string, string>> TableRows(string path, string sheet, string name)
    {
        var t = Table(path, sheet, name);
        using var doc = SpreadsheetDocument.Open(path, isEditable: false);
        var strings = doc.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var cells = Sheet(doc, sheet).Worksheet.Descendants<Cell>().Where(x => x.CellReference is not null).ToDictionary(
            x => x.CellReference!.Value!,
            x => x.DataType?.Value == CellValues.SharedString && x.CellValue is { } v ? strings[int.Parse(v.Text, CultureInfo.InvariantCulture)] : x.CellValue?.Text ?? x.InnerText);
        static string Letters(int column) => column <= 26 ? ((char)('A' + column - 1)).ToString() : Letters((column - 1) / 26) + (char)('A' + ((column - 1) % 26));
        string At(int row, int column) => cells.GetValueOrDefault(Letters(column) + row.ToString(CultureInfo.InvariantCulture), "");
        var headers = Enumerable.Range(t.FirstColumn, t.LastColumn - t.FirstColumn + 1).Select(col => (col, At(t.FirstRow, col))).ToList();
        return Enumerable.Range(t.FirstRow + 1, t.LastRow - t.FirstRow)
            .Select(row => headers.ToDictionary(h => h.Item2, h => At(row, h.col))).ToList();
    }

    /// <summary>A sheet's print areas, as Excel references (Sheet!$A$1:$D$9).</summary>
    public static List<string> PrintAreas(string path, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = doc.WorkbookPart!.Workbook;
        var index = workbook.Sheets!.Elements<Sheet>().ToList().FindIndex(s => s.Name == sheet);
        var area = workbook.DefinedNames?.Elements<DefinedName>().SingleOrDefault(d => d.Name == "_xlnm.Print_Area" && d.LocalSheetId?.Value == index);
        return area is null ? [] : area.Text.Split(',').ToList();
    }

    /// <summary>The top rows (1-based) of a sheet's pictures.</summary>
    public static List<int> PictureRows(string path, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(path, isEditable: false);
        var drawings = Sheet(doc, sheet).DrawingsPart;
        return drawings is null ? [] : drawings.WorksheetDrawing!.Descendants<DocumentFormat.OpenXml.Drawing.Spreadsheet.FromMarker>()
            .Select(m => int.Parse(m.RowId!.Text, System.Globalization.CultureInfo.InvariantCulture) + 1).ToList();
    }

    private static int Column(string letters) => letters.Aggregate(0, (n, ch) => (n * 26) + (ch - 'A' + 1));

    [GeneratedRegex(@"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")]
    private static partial Regex RangePattern();
}
