using System.Text.RegularExpressions;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Reads text extracted from PDF or DOCX. Two forms are met: each table row on one line
/// with tab-separated cells, or each cell on its own line behind a tab with a blank line
/// between rows. Both split long labels over several lines ("三、\n本年\n度办\n理结\n果").
/// </summary>
public static partial class PlainTextLayout
{
    public const string TabRows = "text-tab-rows";
    public const string CellPerLine = "text-cell-per-line";

    public static ReportDocument Read(string text)
    {
        if (text.Contains("[bookmark:", StringComparison.Ordinal)) text = BookmarkMarker().Replace(text, "");
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        return IsCellPerLine(lines)
            ? new ReportDocument(ReadCellPerLine(lines), CellPerLine)
            : new ReportDocument(ReadTabRows(lines), TabRows);
    }

    private static bool IsCellPerLine(string[] lines)
    {
        int single = 0, multi = 0;
        foreach (var line in lines)
        {
            var tabs = line.AsSpan().Count('\t');
            if (tabs == 0) continue;
            if (tabs == 1 && line[0] == '\t') single++;
            else multi++;
        }

        return single > multi;
    }

    private static List<Block> ReadTabRows(string[] lines)
    {
        var blocks = new List<Block>(lines.Length);
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            blocks.Add(line.Contains('\t') ? new TableRow(line.Split('\t')) : new Paragraph(line.Trim()));
        }

        return blocks;
    }

    private static List<Block> ReadCellPerLine(string[] lines)
    {
        var blocks = new List<Block>(lines.Length);
        List<string>? row = null;
        var blanks = 0;

        void Flush()
        {
            if (row is { Count: > 0 }) blocks.Add(new TableRow(row));
            row = null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length > 0 && line[0] == '\t')
            {
                if (row is null || blanks > 0)
                {
                    Flush();
                    row = [];
                }

                if (line.IndexOf('\t', 1) < 0) row.Add(line[1..]);
                else row.AddRange(line[1..].Split('\t'));
                blanks = 0;
            }
            else if (string.IsNullOrWhiteSpace(line))
            {
                blanks++;
            }
            else if (row is not null && CountCell.Classify(line) == CellKind.Number)
            {
                // A number that lost its tab is still a cell: of this row, or the first of the next.
                if (blanks > 0)
                {
                    Flush();
                    row = [];
                }

                row.Add(line);
                blanks = 0;
            }
            else if (row is { Count: > 0 } && ContinuesCell(row[^1], line, blanks, lines, i))
            {
                row[^1] += line.Trim();
                blanks = 0;
            }
            else
            {
                Flush();
                blocks.Add(new Paragraph(line.Trim()));
                blanks = 0;
            }
        }

        Flush();
        return blocks;
    }

    // A label wrapped inside its cell goes on without the leading tab, sometimes after one
    // blank line ("结果\n\n纠正"). A paragraph after a table is longer, or follows a number.
    private static bool ContinuesCell(string lastCell, string line, int blanks, string[] lines, int index)
    {
        var text = line.Trim();
        if (text.Length > 10 || CountCell.Classify(lastCell) != CellKind.Label) return false;
        if (blanks == 0) return true;
        if (blanks > 1) return false;
        for (var j = index + 1; j < lines.Length; j++)
        {
            if (string.IsNullOrWhiteSpace(lines[j])) continue;
            return lines[j][0] == '\t';
        }

        return false;
    }

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex BookmarkMarker();
}
