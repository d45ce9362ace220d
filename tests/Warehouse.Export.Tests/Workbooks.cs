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
        return new TableRange(sheet, name, int.Parse(m.Groups[2].Value), Column(m.Groups[1].Value), int.Parse(m.Groups[4].Value), Column(m.Groups[3].Value), reference);
    }

    /// <summary>The formulas of a sheet's conditional formats.</summary>
    public static List<string> ConditionalFormulas(string path, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(path, isEditable: false);
        return Sheet(doc, sheet).Worksheet.Descendants<Formula>().Select(f => f.Text).ToList();
    }

    private static int Column(string letters) => letters.Aggregate(0, (n, ch) => (n * 26) + (ch - 'A' + 1));

    [GeneratedRegex(@"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")]
    private static partial Regex RangePattern();
}
