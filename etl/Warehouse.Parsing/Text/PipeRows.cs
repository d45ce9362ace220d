namespace Warehouse.Parsing.Text;

/// <summary>
/// A portal page's tables as crawlers save them in text with pipes between cells but not as markdown writes them
/// (seen in stored crawls of real report pages, e.g. 湛江市人民政府地方志办公室 and 徐闻县 2023):
/// <list type="bullet">
/// <item>a row to a line, a pipe after each cell and none before the first ("规章 | 0 | 0 | 0 |"), which markdown's
/// reader took for prose: every table of the report was lost;</item>
/// <item>a cell to a line, a pipe after each ("信息内容 |" / "本年制发件数 |" / … / "规章 |" / "0 |"), an empty cell a
/// line of pipes ("|", "|||"), no mark where a row ends.</item>
/// </list>
/// The first gets its leading pipe and reads as a markdown row; the second loses its pipes and reads as text with a
/// cell to a line (an empty cell is lost with its line of pipes: the row it stood in is then short of a cell and
/// null with an error, never read into the wrong column).
/// </summary>
internal static class PipeRows
{
    /// <summary>Lines with pipes between cells and a number among them that make the text a table of pipe rows.</summary>
    private const int RowsNeeded = 3;

    /// <summary>Lines each ending with a single pipe that make the text a table of cells to a line.</summary>
    private const int CellLinesNeeded = 20;

    /// <summary>The text with its tables' rows as markdown rows, or its cells one to a line without pipes; as it was when it holds neither form.</summary>
    public static string AsRowsOrCells(string text)
    {
        if (!text.Contains(" |", StringComparison.Ordinal)) return text;
        var lines = text.Split('\n');
        var rows = 0;
        var cells = 0;
        foreach (var line in lines)
        {
            var t = line.AsSpan().Trim();
            if (t.Length < 2 || t[0] == '|') continue;
            var inner = t.TrimEnd('|').IndexOf('|');
            if (inner >= 0 && t.ToString().Split('|').Count(c => c.Trim().Length > 0) >= 2 && t.ToString().Split('|').Any(c => IsNumber(c.Trim()))) rows++;
            else if (inner < 0 && t[^1] == '|' && t[^2] == ' ' && t.Count('|') == 1) cells++;
        }

        if (rows >= RowsNeeded)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var t = lines[i].Trim();
                if (t.Length > 1 && t[0] != '|' && t.Contains('|')) lines[i] = "| " + t + (t.EndsWith('|') ? "" : " |");
            }

            return string.Join('\n', lines);
        }

        if (cells < CellLinesNeeded) return text;
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            var t = line.AsSpan().Trim();
            if (t.Length > 0 && t.IndexOfAnyExcept('|') < 0) continue;
            kept.Add(t.Length > 1 && t[0] != '|' && t[^1] == '|' && t.Count('|') == 1 ? t[..^1].TrimEnd().ToString() : line);
        }

        return string.Join('\n', kept);
    }

    /// <summary>A cell of figures or a mark for none ("12", "０", "3.5", "-", "/", "无"), not a label.</summary>
    public static bool IsNumber(string cell) =>
        cell.Length > 0 && (cell == "无" || cell.All(c => char.IsDigit(c) || c is '.' or ',' or '-' or '—' or '/' or '－' or '／'));
}
