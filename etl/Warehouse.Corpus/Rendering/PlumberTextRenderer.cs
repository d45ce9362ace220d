using System.Text;
using Warehouse.Core;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// pdfplumber's <c>extract_text()</c> of a PDF that WPS or Word made (real Fixtures/Real/hongze-2024-pdfplumber.txt): a
/// line is the characters whose tops lie within 3 pt of each other, in order of their left edges, a space where two
/// stand apart. So a table row is its label and its numbers on one line, a space between cells ("规章 0 0 0",
/// "一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95"); a label that wraps in its cell puts the row's numbers, centred on
/// the row, on a line between its lines; a merged group label ("（五）不予处理"), centred on its rows, stands on a line
/// of its own midway down them. Where the label's type stands a few points lower than its numbers (a Chinese face's top
/// against a Latin one's) the numbers come on the line above the label: pdfplumber's text of the real hongze PDFs gives
/// "（五）不予处理" / "0 0 0 0 0 0 0" / "4.无正当理由大量反复 申请". Prose is cut at the page's width, and each page ends
/// with its number ("- 3 -") on a line, with no form feed.
/// </summary>
/// <remarks>
/// The row right after a group label sets its numbers above its label in <see cref="NumbersAboveRate"/> of the groups
/// (denied, unavailable, not_processed), and only in a table 三 whose every row and column rule holds: the parser reads
/// such a row's numbers as the group row's, and takes them for the row's where the total row says so.
/// </remarks>
public static class PlumberTextRenderer
{
    /// <summary>The share of groups whose first row after the group label sets its numbers on the line above its label.</summary>
    public const double NumbersAboveRate = 0.5;

    private static readonly string[] Groups = ["denied", "unavailable", "not_processed", "other"];

    /// <param name="parts">The composed report.</param>
    /// <param name="rng">The document's draws.</param>
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng)
    {
        var width = 26 + rng.Next(8);
        var label = 12 + rng.Next(8);
        var lines = ExtractedLines.Of(parts, width, table => table.Grid.Name == Tables.ApplicationsName ? Applications(table.Grid, label, rng) : Rows(table.Grid, rng));
        var text = new StringBuilder();
        var page = 1;
        for (var at = 0; at < lines.Count; page++)
        {
            var n = Math.Min(lines.Count - at, 30 + rng.Next(12));
            foreach (var line in lines.Skip(at).Take(n)) text.Append(line).Append('\n');
            at += n;
            text.Append("- ").Append(page).Append(" -\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    // Tables 二 and 四: each row's texts, then its numbers, on one line a space apart.
    private static IEnumerable<string> Rows(Grid grid, Random rng)
    {
        var layout = grid.Layout();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var (texts, cells) = RowCells(grid, layout, r, rng);
            var line = string.Join(' ', texts.Concat(cells));
            if (line.Length > 0) yield return line;
        }
    }

    // Table 三: its headings a line each; the outcomes' label on a line before them; each group's label midway down
    // its rows; a row's own label with its numbers, or wrapped around them, or, after a group label, below them.
    private static IEnumerable<string> Applications(Grid grid, int width, Random rng)
    {
        var layout = grid.Layout();
        var addsUp = OfficePdfTextRenderer.AddsUp(grid);
        var rows = new List<(string Key, List<string> Texts, List<string> Cells)>();
        var lines = new List<string>();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var (texts, cells) = RowCells(grid, layout, r, rng);
            if (grid.KeyOf(r) is { } key) rows.Add((key, texts, cells));
            else lines.AddRange(texts.SelectMany(t => ExtractedLines.Chunks(t, width)));
        }

        for (var i = 0; i < rows.Count;)
        {
            var group = DisposalCategories.IsKnown(rows[i].Key) ? DisposalCategories.Get(rows[i].Key).Group : null;
            var k = rows.Skip(i).TakeWhile(row => DisposalCategories.IsKnown(row.Key) && DisposalCategories.Get(row.Key).Group == group).Count();
            if (!Groups.Contains(group) || k < 2)
            {
                foreach (var line in Row(rows[i].Texts, rows[i].Cells, width)) lines.Add(line);
                i++;
                continue;
            }

            // The group's label is the first row's first text but its own ("三、本年度办理结果" may come before it).
            var (first, own) = (rows[i].Texts, rows[i].Texts[^1]);
            var groupLabel = first.Count >= 2 ? first[^2] : null;
            foreach (var outer in first.Take(Math.Max(0, first.Count - 2))) lines.Add(outer);
            var at = rng.Next(k - 1);
            for (var j = 0; j < k; j++)
            {
                var row = rows[i + j];
                var texts = j == 0 ? [own] : row.Texts;
                if (j == at + 1 && groupLabel is not null)
                {
                    lines.Add(groupLabel);
                    // Its label's type lower than its numbers: the numbers first. Only a one-line label, in a group the
                    // 2019 template prints as rows too, in a table whose rules all hold (the total row decides).
                    if (addsUp && group != "other" && texts.Count == 1 && texts[0].Length <= width && rng.NextDouble() < NumbersAboveRate)
                    {
                        lines.Add(string.Join(' ', row.Cells));
                        lines.Add(texts[0]);
                        continue;
                    }
                }

                lines.AddRange(Row(texts, row.Cells, width));
            }

            i += k;
        }

        return lines;
    }

    // One row: its outer labels a line each, then its own label with its numbers, or wrapped with the numbers on a line
    // after the label's first half.
    private static IEnumerable<string> Row(List<string> texts, List<string> cells, int width)
    {
        foreach (var outer in texts.Take(texts.Count - 1)) yield return outer;
        var pieces = ExtractedLines.Chunks(texts.Count > 0 ? texts[^1] : "", width).ToList();
        var numbers = string.Join(' ', cells);
        if (pieces.Count <= 1)
        {
            yield return pieces.Count == 0 ? numbers : pieces[0] + " " + numbers;
            yield break;
        }

        var half = (pieces.Count + 1) / 2;
        foreach (var piece in pieces.Take(half)) yield return piece;
        yield return numbers;
        foreach (var piece in pieces.Skip(half)) yield return piece;
    }

    private static (List<string> Texts, List<string> Cells) RowCells(Grid grid, Slot[,] layout, int r, Random rng)
    {
        var (texts, cells) = (new List<string>(), new List<string>());
        for (var c = 0; c < grid.Columns; c++)
        {
            var slot = layout[r, c];
            if (slot.Row != r || slot.Column != c) continue;
            if (slot.Cell.IsNumber) cells.Add(slot.Cell.Printed ?? OfficePdfTextRenderer.Number(slot.Cell.Value!.Value, rng));
            else if (slot.Cell.Text.Length > 0) texts.Add(slot.Cell.Text);
        }

        return (texts, cells);
    }
}
